import 'server-only';
import { cache } from 'react';
import type { Role } from '../actor';
import { continueCurrentSession } from '../continue-session';
import { currentActor } from '../current-actor';
import { currentSession } from '../current-session';
import { sessionKey } from '../session-id';
import { isStaff } from './mfa-policy';

export type StaffIdentity = {
  userId: string;
  role: Role;
  pending: boolean;
  /** Binds an enrolment to this session (lib/auth/session-id.ts); null for a session too old to have an id. */
  sessionKey: string | null;
  /** Keeps this session signed in, as a full session, once its enrolment has ended every session of the user. */
  continueSession: (sessionVersion: number) => Promise<void>;
};

/**
 * Who may manage their own second factor: a signed-in staff member, or a staff session still limited to
 * enrolment (password accepted, no authenticator yet, second factor required). currentActor() gives no
 * actor for the latter, so every other page and action treats it as signed out.
 */
export const currentStaffIdentity = cache(async (): Promise<StaffIdentity | 'family' | null> => {
  const [actor, session] = await Promise.all([currentActor(), currentSession()]);
  const who = actor
    ? { userId: actor.userId, role: actor.role, pending: false }
    : session?.mfaPending
      ? { userId: session.userId, role: session.role, pending: true }
      : null;
  if (!who) return null;
  if (!isStaff(who.role)) return 'family';
  const sessionId = session?.userId === who.userId ? session.sessionId : null;
  return {
    ...who,
    sessionKey: sessionId ? sessionKey(sessionId) : null,
    continueSession: (sessionVersion) => continueCurrentSession(who.userId, sessionVersion),
  };
});
