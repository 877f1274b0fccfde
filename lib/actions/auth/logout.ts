'use server';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { signOut } from '@/lib/auth/auth';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/current-actor';
import { currentClaims } from '@/lib/auth/current-session';
import { endSessionUrl } from '@/lib/auth/oidc-end-session';
import { oidcSettings } from '@/lib/config/runtime-config';
import { baseUrl } from '../base-url';

/** Ends the session for good: the version bump kills every copy of the cookie, not just the browser's. */
export async function logoutAction(): Promise<void> {
  const actor = await currentActor();
  const idToken = (await currentClaims())?.idt;
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
  // Signed in with SPID/CIE: the gateway ends its session too and sends the browser back to /login.
  const settings = oidcSettings();
  const gateway =
    actor && settings && typeof idToken === 'string'
      ? await endSessionUrl(settings, idToken, `${baseUrl()}/login?uscita=1`)
      : null;
  if (!gateway) return void (await signOut({ redirectTo: '/login?uscita=1' }));
  await signOut({ redirect: false });
  redirect(gateway);
}
