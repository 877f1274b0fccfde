import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { users } from '@/db/schema';

/**
 * Ends every copy of a user's session that carries version `sv`: the next request of any of them, on any
 * instance, fails the version check (S1). Conditional on `sv`, so a sign-out that already bumped it (logoutAction)
 * followed by Auth.js's event does not bump twice.
 */
export async function endSessions(db: DbOrTx, userId: string, sv: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.sessionVersion, sv)));
}
