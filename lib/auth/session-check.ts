import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { users } from '@/db/schema';

/**
 * A JWT stays valid only while its user is active, with the same role, provider and session
 * version (S1): a password change, logout, deactivation, role or provider change ends it at once.
 */
export async function sessionStillValid(
  db: DbOrTx,
  userId: string,
  role: string,
  sessionVersion: number,
  providerId: string | null = null,
): Promise<boolean> {
  const [u] = await db
    .select({ v: users.sessionVersion, active: users.active, role: users.role, providerId: users.providerId })
    .from(users)
    .where(eq(users.id, userId));
  return Boolean(
    u && u.active && u.role === role && u.v === sessionVersion && (u.providerId ?? null) === (providerId ?? null),
  );
}
