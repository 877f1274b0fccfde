import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { passwordResetTokens, providers, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Role } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password-hash';
import { newResetToken } from '@/lib/auth/reset-token';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { accountCreatedMessage } from '@/lib/notifications/messages/account-created';

export const SET_PASSWORD_TTL_HOURS = 72;

export type NewUser = { role: Role; codiceFiscale: string; email: string; givenName: string; familyName: string; providerCode?: string; mobile?: string };

/**
 * Creates an account with no usable password and e-mails it a single-use link to set one, the
 * same link as «Ho smarrito la password» (so nobody, the operator included, ever knows the password).
 */
export async function createUser(db: Db, input: NewUser, ctx: { baseUrl: string; now?: Date }): Promise<{ userId: string }> {
  const now = ctx.now ?? new Date();
  const cf = normalizeCodiceFiscale(input.codiceFiscale);
  if (!isValidCodiceFiscale(cf)) throw new AppError('invalid_input', 'Codice fiscale non valido.');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) throw new AppError('invalid_input', 'Indirizzo e-mail non valido.');
  if (!input.givenName.trim() || !input.familyName.trim()) throw new AppError('invalid_input', 'Nome e cognome sono obbligatori.');
  if ((input.role === 'provider') !== Boolean(input.providerCode)) {
    throw new AppError('invalid_input', 'Il codice del soggetto erogatore (--provider) serve per il ruolo provider, e solo per quello.');
  }
  // A random password nobody knows: the account is usable only after the link is followed.
  const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));
  const { token, hash } = newResetToken();
  const userId = await db.transaction(async (tx) => {
    let providerId: string | null = null;
    if (input.providerCode) {
      const [p] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.code, input.providerCode));
      if (!p) throw new AppError('not_found', `Soggetto erogatore ${input.providerCode} non trovato.`);
      providerId = p.id;
    }
    const [created] = await tx
      .insert(users)
      .values({
        codiceFiscale: cf,
        givenName: input.givenName.trim(),
        familyName: input.familyName.trim(),
        email: input.email.trim(),
        mobile: input.mobile?.trim() || null,
        role: input.role,
        providerId,
        passwordHash: unusableHash,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) throw new AppError('conflict', `Esiste già un utente con codice fiscale ${cf}.`);
    await tx.insert(passwordResetTokens).values({ userId: created.id, tokenHash: hash, expiresAt: new Date(now.getTime() + SET_PASSWORD_TTL_HOURS * 3_600_000), createdAt: now });
    const message = accountCreatedMessage({
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      link: `${ctx.baseUrl}/password-smarrita/nuova#token=${token}`,
      validHours: SET_PASSWORD_TTL_HOURS,
    });
    await enqueueEmail(tx, { to: input.email.trim(), ...message });
    await writeAudit(tx, { actor: null, action: 'user.created', entityType: 'user', entityId: created.id, after: { role: input.role, via: 'cli' }, at: now });
    return created.id;
  });
  return { userId };
}
