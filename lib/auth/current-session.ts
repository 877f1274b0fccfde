import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import type { Role } from './actor';
import { fromHandoff, SESSION_HANDOFF_HEADER, sessionTokenFromHeader, verifySessionToken, type VerifiedClaims } from './session-config';
import { sessionStillValid } from './session-check';

export type Session = {
  userId: string;
  role: Role;
  providerId: string | null;
  name: string;
  /**
   * Staff signed in with the password only, second factor required but not enrolled: limited to enrolment. Only
   * the token says so: confirming an enrolment bumps the session version (every such session ends) and re-issues
   * the enrolling session's token without the flag (lib/auth/continue-session.ts).
   */
  mfaPending: boolean;
  /** This sign-in's id; null for a token issued before sessions had one. */
  sessionId: string | null;
};

/** The request's session claims: those proxy.ts decrypted, or the cookie decrypted here when no hand-off came. */
export const currentClaims = cache(async (): Promise<VerifiedClaims | null> => {
  const h = await headers();
  const handed = fromHandoff(h.get(SESSION_HANDOFF_HEADER));
  return handed === undefined ? verifySessionToken(sessionTokenFromHeader(h.get('cookie'))) : handed;
});

/** The authoritative session check, once per request (React cache): the claims, then one query for the session version. */
export const currentSession = cache(async (): Promise<Session | null> => {
  const claims = await currentClaims();
  if (!claims) return null;
  const providerId = claims.pid ?? null;
  if (!(await sessionStillValid(await getDb(), claims.uid, claims.role, claims.sv, providerId))) return null;
  return {
    userId: claims.uid,
    role: claims.role as Role,
    providerId,
    name: claims.name ?? '',
    mfaPending: claims.mfa === 'enrol',
    sessionId: typeof claims.sid === 'string' ? claims.sid : null,
  };
});
