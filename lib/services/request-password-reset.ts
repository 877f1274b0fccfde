import 'server-only';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { passwordResetTokens, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { newResetToken } from '@/lib/auth/reset-token';
import { normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { enqueueEmail } from '@/lib/notifications/enqueue';

export const RESET_TOKEN_TTL_MS = 60 * 60_000;
const MAX_LINKS_PER_HOUR = 3;

function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'it', { sensitivity: 'base' }) === 0;
}

/**
 * Guide §1.1. The caller always gets the same answer (A4): nothing here is returned to the browser.
 * The link carries the token in the fragment, so it never reaches server logs or Referer headers.
 */
export async function requestPasswordReset(
  db: Db,
  input: { givenName: string; familyName: string; codiceFiscale: string; ip: string | null },
  ctx: { baseUrl: string; now?: Date },
): Promise<void> {
  const now = ctx.now ?? new Date();
  const cf = normalizeCodiceFiscale(input.codiceFiscale);
  const [user] = await db.select().from(users).where(eq(users.codiceFiscale, cf));
  const matches = Boolean(user && user.active && sameName(user.givenName, input.givenName) && sameName(user.familyName, input.familyName));

  await db.transaction(async (tx) => {
    if (!matches || !user) {
      await writeAudit(tx, { actor: null, action: 'auth.password_reset_requested', entityType: 'user', entityId: null, after: { matched: false }, ip: input.ip, at: now });
      return;
    }
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, user.id), gt(passwordResetTokens.createdAt, new Date(now.getTime() - 3_600_000))));
    // A bounded number of mails per hour: the form cannot be used to flood someone's inbox.
    if ((recent?.n ?? 0) >= MAX_LINKS_PER_HOUR) {
      await writeAudit(tx, { actor: null, action: 'auth.password_reset_limited', entityType: 'user', entityId: user.id, ip: input.ip, at: now });
      return;
    }
    // Only the newest link works.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    const { token, hash } = newResetToken();
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS), createdAt: now });
    await enqueueEmail(tx, {
      to: user.email,
      subject: 'Imposta una nuova password — Buoni di servizio',
      paragraphs: [
        `Gentile ${user.givenName} ${user.familyName},`,
        'abbiamo ricevuto la richiesta di impostare una nuova password per l’accesso ai Buoni di servizio.',
        'Il collegamento qui sotto vale una sola volta e scade tra 60 minuti. Se non hai fatto tu la richiesta, ignora questo messaggio: la tua password attuale resta valida.',
      ],
      link: { href: `${ctx.baseUrl}/password-smarrita/nuova#token=${token}`, label: 'Imposta la nuova password' },
    });
    await writeAudit(tx, { actor: null, action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id, after: { matched: true }, ip: input.ip, at: now });
  });
}
