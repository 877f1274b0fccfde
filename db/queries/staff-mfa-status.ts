import 'server-only';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { staffRecoveryCodes, staffTotp, users } from '@/db/schema';
import { openSecret } from '@/lib/auth/totp/secret-box';
import { totpUri } from '@/lib/auth/totp/totp-code';

export type StaffMfaStatus = {
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
  /** An enrolment started in this session and not confirmed yet: the page shows its QR code and secret. */
  pending: { secret: string; uri: string } | null;
  /** An enrolment started in another session of the user: its secret is never shown here. */
  pendingElsewhere: boolean;
};

/** `sessionKey`: the asking session's (StaffIdentity.sessionKey); the pending secret is decrypted only for the session that started it. */
export async function staffMfaStatus(db: DbOrTx, userId: string, sessionKey: string | null): Promise<StaffMfaStatus> {
  const [[totp], [left], [user]] = await Promise.all([
    db.select().from(staffTotp).where(eq(staffTotp.userId, userId)),
    db.select({ n: count() }).from(staffRecoveryCodes).where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt))),
    db.select({ cf: users.codiceFiscale }).from(users).where(eq(users.id, userId)),
  ]);
  const unconfirmed = totp && !totp.confirmedAt ? totp : null;
  const mine = Boolean(unconfirmed && sessionKey && unconfirmed.enrolmentSession === sessionKey);
  const pendingSecret = unconfirmed && mine ? openSecret(unconfirmed.secretEnc, userId) : null;
  return {
    enrolledAt: totp?.confirmedAt ?? null,
    recoveryCodesLeft: totp?.confirmedAt ? (left?.n ?? 0) : 0,
    pending: pendingSecret && user ? { secret: pendingSecret, uri: totpUri(pendingSecret, user.cf) } : null,
    pendingElsewhere: Boolean(unconfirmed) && !mine,
  };
}
