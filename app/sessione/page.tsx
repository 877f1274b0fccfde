import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ROLE_HOME, ROLE_LABELS } from '@/lib/auth/actor';
import { currentActor, currentUserName } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Sessione' };

/**
 * Who is signed in, for any role. Also the benchmark's trivial authenticated page (P1): the same
 * layout and session check as every page, and no data of its own.
 */
export default async function SessionPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Sessione attiva</h1>
      <p>
        Sei collegato come <strong>{await currentUserName()}</strong> ({ROLE_LABELS[actor.role]}).
      </p>
      <Link href={ROLE_HOME[actor.role]} className="btn-primary">
        Vai alla tua area
      </Link>
    </div>
  );
}
