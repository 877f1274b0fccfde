import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor, Role } from './actor';
import { auth } from './auth';
import { clientIp } from './client-ip';

// auth() decodes the JWT and checks the session version in the database: once per request is enough.
const sessionOnce = cache(() => auth());

/** One session check per request, shared by the layout, the page and its components. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await sessionOnce();
  // A staff session still waiting for its second factor acts for no role (lib/auth/totp/enrolling-staff.ts).
  if (!session?.user?.id || !session.user.role || session.user.mfaPending) return null;
  const h = await headers();
  return {
    userId: session.user.id,
    role: session.user.role,
    providerId: session.user.providerId ?? null,
    ip: clientIp(h),
    requestId: h.get('x-request-id') ?? randomUUID(),
  };
});

export const currentUserName = cache(async (): Promise<string | null> => (await sessionOnce())?.user?.name ?? null);

/** For layouts and pages: sends strangers to the login and other roles to the refusal page. */
export async function requireRole(role: Role): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role !== role) redirect('/accesso-negato');
  return actor;
}
