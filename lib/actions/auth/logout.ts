'use server';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { signOut } from '@/lib/auth/auth';
import { currentActor } from '@/lib/auth/current-actor';

/** Ends the session for good: the version bump kills every copy of the cookie, not just the browser's. */
export async function logoutAction(): Promise<void> {
  const actor = await currentActor();
  if (actor) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, actor.userId));
      await writeAudit(tx, { actor, action: 'auth.logout', entityType: 'user', entityId: actor.userId });
    });
  }
  await signOut({ redirectTo: '/login?uscita=1' });
}
