import 'server-only';
import { cache } from 'react';
import type { Role } from '../actor';
import { auth } from '../auth';
import { currentActor } from '../current-actor';
import { isStaff } from './mfa-policy';

export type StaffIdentity = { userId: string; role: Role; pending: boolean };

/**
 * Who may manage their own second factor: a signed-in staff member, or a staff session still limited to
 * enrolment (password accepted, no authenticator yet, second factor required). currentActor() gives no
 * actor for the latter, so every other page and action treats it as signed out.
 */
export const currentStaffIdentity = cache(async (): Promise<StaffIdentity | 'family' | null> => {
  const actor = await currentActor();
  if (actor) return isStaff(actor.role) ? { userId: actor.userId, role: actor.role, pending: false } : 'family';
  const session = await auth();
  const u = session?.user;
  if (u?.mfaPending && u.id && u.role && isStaff(u.role)) return { userId: u.id, role: u.role, pending: true };
  return null;
});
