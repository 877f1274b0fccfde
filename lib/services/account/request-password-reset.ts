import 'server-only';
import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { passwordResetTokens, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { newResetToken } from '@/lib/auth/reset-token';
import { familyPasswordSignIn } from '@/lib/config/runtime-config';
import { normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { enqueueEmail } from '@/lib/notifications/enqueue';

export const RESET_TOKEN_TTL_MS = 60 * 60_000;
export const MAX_LINKS_PER_HOUR = 3;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

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
  const cf = normalizeCodiceFiscale(input.codiceFiscale).slice(0, 32);

  await db.transaction(async (tx) => {
    // Requests for one codice fiscale run one at a time, so the hourly cap holds under concurrency.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reset:${cf}`}))`);
    // The same reads whether or not the account exists (A4): the count runs against a nil id for strangers.
    const [user] = await tx.select().from(users).where(eq(users.codiceFiscale, cf));
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user?.id ?? NIL_UUID),
          gt(passwordResetTokens.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    // FAMILY_PASSWORD_SIGNIN=off: families have no password to reset (they sign in with SPID/CIE); same answer (A4).
    const matches = Boolean(
      user &&
      user.active &&
      (user.role !== 'family' || familyPasswordSignIn()) &&
      sameName(user.givenName, input.givenName) &&
      sameName(user.familyName, input.familyName),
    );
    // A bounded number of mails per hour: the form cannot be used to flood someone's inbox.
    const limited = matches && (recent?.n ?? 0) >= MAX_LINKS_PER_HOUR;
    const allowed = matches && !limited;
    // The same writes whatever the outcome (A4): for a stranger they touch no row. Only the newest link works.
    const target = allowed ? user!.id : NIL_UUID;
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, target), isNull(passwordResetTokens.usedAt)));
    const { token, hash } = newResetToken();
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
    await tx.execute(sql`
      insert into ${passwordResetTokens} (user_id, token_hash, expires_at, created_at)
      select ${target}::uuid, ${hash}, ${expiresAt.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz where ${allowed}`);
    const common = {
      actor: null,
      entityType: 'user',
      entityId: matches ? user!.id : null,
      ip: input.ip,
      at: now,
    } as const;
    await writeAudit(
      tx,
      limited
        ? { ...common, action: 'auth.password_reset_limited', after: null }
        : { ...common, action: 'auth.password_reset_requested', after: { matched: matches } },
    );
    // The one difference: only the account's owner gets an e-mail.
    if (!allowed || !user) return;
    await enqueueEmail(tx, {
      to: user.email,
      subject: 'Imposta una nuova password — Buoni di servizio',
      paragraphs: [
        `Gentile ${user.givenName} ${user.familyName},`,
        'abbiamo ricevuto la richiesta di impostare una nuova password per l’accesso ai Buoni di servizio.',
        'Il collegamento qui sotto vale una sola volta e scade tra 60 minuti. Se non hai fatto tu la richiesta, ignora questo messaggio: la tua password attuale resta valida.',
      ],
      link: { href: `${ctx.baseUrl}/password-smarrita/nuova#token=${token}`, label: 'Imposta la nuova password' },
      secret: { values: [token], expiresAt },
    });
  });
}
