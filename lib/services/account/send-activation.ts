import 'server-only';
import { randomBytes } from 'node:crypto';
import { bulkInsert } from '@/db/bulk-insert';
import type { DbOrTx } from '@/db/open';
import { passwordResetTokens } from '@/db/schema';
import { newResetToken } from '@/lib/auth/reset-token';
import { enqueueEmails, type EmailMessage } from '@/lib/notifications/enqueue';

export type NewAccount = { id: string; email: string; givenName: string; familyName: string; codiceFiscale: string };

/** What an activation e-mail says to one account; the link and its validity are filled in here. */
export type ActivationMessage = (
  account: NewAccount,
  link: { href: string; validHours: number },
) => Omit<EmailMessage, 'to'>;

const b64 = (n: number) => randomBytes(n).toString('base64').replace(/=+$/, '');

/**
 * The password hash of an account nobody has chosen a password for yet: a well-formed Argon2id
 * string over random bytes, so no password ever verifies against it and signing in to a pending
 * account costs exactly as long as to any other (no timing tells the two apart).
 */
export function unusablePasswordHash(): string {
  return `$argon2id$v=19$m=19456,t=2,p=1$${b64(16)}$${b64(32)}`;
}

/**
 * The one way every new account (imported family, staff created by the office, first clerk created from
 * the command line) gets its first password: a single-use link to /attivazione on the reset-token
 * machinery (hashed, `purpose = 'activation'`), and its e-mail, written in the caller's transaction
 * with a few multi-row inserts. An expired link is replaced through «Ho smarrito la password».
 */
export async function sendActivation(
  tx: DbOrTx,
  accounts: readonly NewAccount[],
  ctx: { baseUrl: string; now: Date; validHours: number; message: ActivationMessage },
): Promise<void> {
  if (accounts.length === 0) return;
  const expiresAt = new Date(ctx.now.getTime() + ctx.validHours * 3_600_000);
  const issued = accounts.map((a) => ({ account: a, ...newResetToken() }));
  await bulkInsert(
    tx,
    passwordResetTokens,
    issued.map((t) => ({
      userId: t.account.id,
      tokenHash: t.hash,
      purpose: 'activation' as const,
      expiresAt,
      createdAt: ctx.now,
    })),
  );
  await enqueueEmails(
    tx,
    issued.map((t) => ({
      to: t.account.email,
      ...ctx.message(t.account, { href: `${ctx.baseUrl}/attivazione#token=${t.token}`, validHours: ctx.validHours }),
      secret: { values: [t.token], expiresAt },
    })),
  );
}
