import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor, Role } from './actor';
import { clientIp } from './client-ip';
import { currentSession } from './current-session';

/**
 * One session check per request, shared by the layout, the page and its components. The request
 * id is generated here, server-side: a client-sent x-request-id never reaches the audit log.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await currentSession();
  // A staff session still waiting for its second factor acts for no role (lib/auth/totp/enrolling-staff.ts).
  if (!session || session.mfaPending) return null;
  const h = await headers();
  return {
    userId: session.userId,
    role: session.role,
    providerId: session.providerId,
    ip: clientIp(h),
    requestId: randomUUID(),
  };
});

export const currentUserName = cache(async (): Promise<string | null> => (await currentSession())?.name ?? null);

/**
 * For layouts and pages: sends strangers to the login, staff who must still enrol their second factor to
 * the enrolment page, and other roles to the refusal page.
 */
export async function requireRole(role: Role): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect((await currentSession())?.mfaPending ? '/profilo/sicurezza' : '/login');
  if (actor.role !== role) redirect('/accesso-negato');
  return actor;
}
