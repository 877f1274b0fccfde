import 'server-only';
import type { DbOrTx } from '@/db/open';
import { staffMfaEnrolment } from '@/db/queries/staff-mfa-enrolment';
import { openSecret } from './secret-box';
import { totpUri } from './totp-code';

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
  const { totp, recoveryCodesLeft, codiceFiscale } = await staffMfaEnrolment(db, userId);
  const unconfirmed = totp && !totp.confirmedAt ? totp : null;
  const mine = Boolean(unconfirmed && sessionKey && unconfirmed.enrolmentSession === sessionKey);
  const pendingSecret = unconfirmed && mine ? openSecret(unconfirmed.secretEnc, userId) : null;
  return {
    enrolledAt: totp?.confirmedAt ?? null,
    recoveryCodesLeft: totp?.confirmedAt ? recoveryCodesLeft : 0,
    pending:
      pendingSecret && codiceFiscale ? { secret: pendingSecret, uri: totpUri(pendingSecret, codiceFiscale) } : null,
    pendingElsewhere: Boolean(unconfirmed) && !mine,
  };
}
