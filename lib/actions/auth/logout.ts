'use server';
import { getDb } from '@/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { signOut } from '@/lib/auth/auth';
import { currentActor } from '@/lib/auth/current-actor';

export async function logoutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) {
    const db = await getDb();
    await writeAudit(db, { actor, action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  }
  await signOut({ redirectTo: '/login?uscita=1' });
}
