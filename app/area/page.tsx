import { redirect } from 'next/navigation';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { currentStaffIdentity } from '@/lib/auth/totp/enrolling-staff';

/** Where sign-in lands: each role goes to its own area; staff still without a required second factor enrol first. */
export default async function AreaPage() {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  const staff = await currentStaffIdentity();
  redirect(staff && staff !== 'family' && staff.pending ? '/profilo/sicurezza' : '/login');
}
