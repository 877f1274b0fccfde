import 'server-only';
import { randomBytes } from 'node:crypto';
import { bulkInsert } from '@/db/bulk-insert';
import type { DbOrTx } from '@/db/open';
import { passwordResetTokens } from '@/db/schema';
import { newResetToken } from '@/lib/auth/reset-token';
import { enqueueEmails } from '@/lib/notifications/enqueue';
import { accountActivationMessage } from '@/lib/notifications/messages/account-activation';

/** Long enough for a family to read its mail after a bulk import; expired links are replaced through «Ho smarrito la password». */
export const ACTIVATION_VALID_DAYS = 7;

export type NewAccount = { id: string; email: string; givenName: string; familyName: string; codiceFiscale: string };

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
 * Single-use set-password links (the reset-token table and page: resetPassword() consumes them)
 * and their e-mails, written in the caller's transaction with a few multi-row inserts.
 */
export async function sendActivation(tx: DbOrTx, accounts: readonly NewAccount[], ctx: { baseUrl: string; now: Date }): Promise<void> {
  const expiresAt = new Date(ctx.now.getTime() + ACTIVATION_VALID_DAYS * 86_400_000);
  const issued = accounts.map((a) => ({ account: a, ...newResetToken() }));
  await bulkInsert(
    tx,
    passwordResetTokens,
    issued.map((t) => ({ userId: t.account.id, tokenHash: t.hash, expiresAt, createdAt: ctx.now })),
  );
  await enqueueEmails(
    tx,
    issued.map((t) =>
      accountActivationMessage({
        to: t.account.email,
        givenName: t.account.givenName,
        familyName: t.account.familyName,
        codiceFiscale: t.account.codiceFiscale,
        link: `${ctx.baseUrl}/password-smarrita/nuova#token=${t.token}`,
        validDays: ACTIVATION_VALID_DAYS,
      }),
    ),
  );
}
