import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { staffTotp, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { confirmedTotp } from '@/lib/auth/totp/second-factor';
import { sealSecret } from '@/lib/auth/totp/secret-box';
import { newTotpSecret, totpUri } from '@/lib/auth/totp/totp-code';

/**
 * Step 1 of enrolment: a new secret, stored encrypted and unconfirmed. Starting again replaces an
 * unconfirmed secret; a confirmed one stays until the office resets it.
 */
export async function startTotpEnrolment(db: Db, userId: string): Promise<{ secret: string; uri: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ cf: users.codiceFiscale, role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
    if (!user || !user.active || user.role === 'family') throw new AppError('forbidden');
    if (await confirmedTotp(tx, userId)) throw new AppError('invalid_state', 'La verifica in due passaggi è già attiva per il tuo account.');
    const secret = newTotpSecret();
    const secretEnc = sealSecret(secret, userId);
    await tx
      .insert(staffTotp)
      .values({ userId, secretEnc })
      .onConflictDoUpdate({ target: staffTotp.userId, set: { secretEnc, confirmedAt: null, lastUsedStep: null, createdAt: new Date() } });
    return { secret, uri: totpUri(secret, user.cf) };
  });
}
