import { redirect } from 'next/navigation';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';

/** Where sign-in lands: each role goes to its own area. */
export default async function AreaPage() {
  const actor = await currentActor();
  redirect(actor ? ROLE_HOME[actor.role] : '/login');
}
