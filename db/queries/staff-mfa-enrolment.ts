import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { staffRecoveryCodes, staffTotp, users } from '@/db/schema';

/** The staff user's second-factor rows as stored: the secret stays encrypted (lib/auth/totp opens it). */
export async function staffMfaEnrolment(db: DbOrTx, userId: string) {
  const [[totp], [left], [user]] = await Promise.all([
    db.select().from(staffTotp).where(eq(staffTotp.userId, userId)),
    db
      .select({ n: count() })
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt))),
    db.select({ cf: users.codiceFiscale }).from(users).where(eq(users.id, userId)),
  ]);
  return { totp: totp ?? null, recoveryCodesLeft: left?.n ?? 0, codiceFiscale: user?.cf ?? null };
}
