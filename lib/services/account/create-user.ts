import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { providers, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Role } from '@/lib/auth/actor';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { STAFF_ACTIVATION_HOURS, staffActivationMessage } from '@/lib/notifications/messages/staff-activation';
import { sendActivation, unusablePasswordHash } from '@/lib/services/account/send-activation';

export type NewUser = {
  role: Role;
  codiceFiscale: string;
  email: string;
  givenName: string;
  familyName: string;
  providerCode?: string;
  mobile?: string;
};

/**
 * Creates an account (from the command line: the first office clerk of a deployment) with no usable
 * password and e-mails it the single-use activation link every new account gets, so nobody, the
 * operator included, ever knows the password.
 */
export async function createUser(
  db: Db,
  input: NewUser,
  ctx: { baseUrl: string; now?: Date },
): Promise<{ userId: string }> {
  const now = ctx.now ?? new Date();
  const cf = normalizeCodiceFiscale(input.codiceFiscale);
  if (!isValidCodiceFiscale(cf)) throw new AppError('invalid_input', 'Codice fiscale non valido.');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
    throw new AppError('invalid_input', 'Indirizzo e-mail non valido.');
  if (!input.givenName.trim() || !input.familyName.trim())
    throw new AppError('invalid_input', 'Nome e cognome sono obbligatori.');
  if ((input.role === 'provider') !== Boolean(input.providerCode)) {
    throw new AppError(
      'invalid_input',
      'Il codice del soggetto erogatore (--provider) serve per il ruolo provider, e solo per quello.',
    );
  }
  const userId = await db.transaction(async (tx) => {
    let providerId: string | null = null;
    let providerName: string | null = null;
    if (input.providerCode) {
      const [p] = await tx
        .select({ id: providers.id, name: providers.name })
        .from(providers)
        .where(eq(providers.code, input.providerCode));
      if (!p) throw new AppError('not_found', `Soggetto erogatore ${input.providerCode} non trovato.`);
      providerId = p.id;
      providerName = p.name;
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
        passwordHash: unusablePasswordHash(),
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) throw new AppError('conflict', `Esiste già un utente con codice fiscale ${cf}.`);
    const account = {
      id: created.id,
      email: input.email.trim(),
      givenName: input.givenName.trim(),
      familyName: input.familyName.trim(),
      codiceFiscale: cf,
    };
    await sendActivation(tx, [account], {
      baseUrl: ctx.baseUrl,
      now,
      validHours: STAFF_ACTIVATION_HOURS,
      message: staffActivationMessage({ role: input.role, providerName, createdBy: 'cli' }),
    });
    await writeAudit(tx, {
      actor: null,
      action: 'user.created',
      entityType: 'user',
      entityId: created.id,
      after: { role: input.role, via: 'cli' },
      at: now,
    });
    return created.id;
  });
  return { userId };
}
