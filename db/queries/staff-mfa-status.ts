import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { staffRecoveryCodes, staffTotp, users } from '@/db/schema';
import { openSecret } from '@/lib/auth/totp/secret-box';
import { totpUri } from '@/lib/auth/totp/totp-code';

export type StaffMfaStatus = {
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
  /** An enrolment started and not confirmed yet: the page shows its QR code and secret to its owner only. */
  pending: { secret: string; uri: string } | null;
};

export async function staffMfaStatus(db: DbOrTx, userId: string): Promise<StaffMfaStatus> {
  const [[totp], [left], [user]] = await Promise.all([
    db.select().from(staffTotp).where(eq(staffTotp.userId, userId)),
    db.select({ n: count() }).from(staffRecoveryCodes).where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt))),
    db.select({ cf: users.codiceFiscale }).from(users).where(eq(users.id, userId)),
  ]);
  const pendingSecret = totp && !totp.confirmedAt ? openSecret(totp.secretEnc, userId) : null;
  return {
    enrolledAt: totp?.confirmedAt ?? null,
    recoveryCodesLeft: totp?.confirmedAt ? (left?.n ?? 0) : 0,
    pending: pendingSecret && user ? { secret: pendingSecret, uri: totpUri(pendingSecret, user.cf) } : null,
  };
}
