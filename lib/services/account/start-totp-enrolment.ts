import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { staffTotp, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { confirmedTotp } from '@/lib/auth/totp/second-factor';
import { sealSecret } from '@/lib/auth/totp/secret-box';
import { newTotpSecret, totpUri } from '@/lib/auth/totp/totp-code';

/** The user and the session the enrolment is bound to (StaffIdentity.sessionKey). */
export type EnrolmentOwner = { userId: string; sessionKey: string | null };

export const NO_SESSION_ID =
  'Questa sessione è stata aperta prima dell’ultimo aggiornamento del servizio: esci, accedi di nuovo e poi attiva la verifica in due passaggi.';

/**
 * Step 1 of enrolment: a new secret, stored encrypted and unconfirmed, bound to the session that asked for it:
 * only that session is shown the secret and may confirm it (someone else holding the password cannot take over the
 * enrolment). Starting again, from any session of the user, replaces an unconfirmed secret and moves the binding
 * there; a confirmed one stays until the office resets it.
 */
export async function startTotpEnrolment(db: Db, owner: EnrolmentOwner): Promise<{ secret: string; uri: string }> {
  const { userId, sessionKey } = owner;
  if (!sessionKey) throw new AppError('invalid_state', NO_SESSION_ID);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ cf: users.codiceFiscale, role: users.role, active: users.active })
      .from(users)
      .where(eq(users.id, userId));
    if (!user || !user.active || user.role === 'family') throw new AppError('forbidden');
    if (await confirmedTotp(tx, userId))
      throw new AppError('invalid_state', 'La verifica in due passaggi è già attiva per il tuo account.');
    const secret = newTotpSecret();
    const secretEnc = sealSecret(secret, userId);
    const fresh = {
      secretEnc,
      enrolmentSession: sessionKey,
      confirmedAt: null,
      lastUsedStep: null,
      failedCodes: 0,
      lockedAt: null,
      createdAt: new Date(),
    };
    await tx
      .insert(staffTotp)
      .values({ userId, ...fresh })
      .onConflictDoUpdate({ target: staffTotp.userId, set: fresh });
    return { secret, uri: totpUri(secret, user.cf) };
  });
}
