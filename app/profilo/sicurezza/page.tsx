import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { staffMfaStatus } from '@/lib/auth/totp/staff-mfa-status';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentStaffIdentity } from '@/lib/auth/totp/enrolling-staff';
import { staffMfaRequired } from '@/lib/auth/totp/mfa-policy';
import { qrDataUrl } from '@/lib/auth/totp/qr-code';
import { SecurityPanel } from './security-panel';

// same-origin, not no-referrer: under no-referrer its forms posted without JavaScript carry `Origin: null`, which Next
// refuses as a cross-site Server Action. The secret is never in the address, so no Referer could carry it anyway.
export const metadata: Metadata = { title: 'Sicurezza dell’accesso', referrer: 'same-origin' };
export const dynamic = 'force-dynamic';

/** Staff enrol their authenticator app here; families sign with the SMS code and have no second factor. */
export default async function SecurityPage() {
  const staff = await currentStaffIdentity();
  if (!staff) redirect('/login');
  if (staff === 'family') redirect('/accesso-negato');
  const status = await staffMfaStatus(await getDb(), staff.userId, staff.sessionKey);
  const qr = status.pending ? await qrDataUrl(status.pending.uri) : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Sicurezza dell’accesso</h1>
      <SecurityPanel
        limitedSession={staff.pending}
        required={staffMfaRequired()}
        home={ROLE_HOME[staff.role]}
        enrolledAt={status.enrolledAt?.toISOString() ?? null}
        recoveryCodesLeft={status.recoveryCodesLeft}
        pending={status.pending && qr ? { secret: status.pending.secret, qr } : null}
        pendingElsewhere={status.pendingElsewhere}
      />
    </div>
  );
}
