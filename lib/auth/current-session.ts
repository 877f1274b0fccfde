import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import type { Role } from './actor';
import {
  fromHandoff,
  SESSION_HANDOFF_HEADER,
  sessionTokenFrom,
  sessionTokenFromHeader,
  verifySessionToken,
  type VerifiedClaims,
} from './session-config';
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

/**
 * The request's session claims: those proxy.ts decrypted, or the cookie decrypted here when no hand-off came.
 * A server action that re-issued the cookie (an enrolment confirmed: continue-session.ts) is followed, in the
 * same request, by the page's render: Next shows that render the new cookie through cookies(), while the
 * request's headers and the proxy's hand-off still carry the old session, whose version was just retired.
 */
export const currentClaims = cache(async (): Promise<VerifiedClaims | null> => {
  const h = await headers();
  const sent = sessionTokenFromHeader(h.get('cookie'));
  const now = await tokenInCookies(sent);
  if (now !== sent) return verifySessionToken(now);
  const handed = fromHandoff(h.get(SESSION_HANDOFF_HEADER));
  return handed === undefined ? verifySessionToken(sent) : handed;
});

/** The token as cookies() has it now; the sent one where there is no request store (scripts, tests). */
async function tokenInCookies(sent: string | null): Promise<string | null> {
  try {
    return sessionTokenFrom(await cookies());
  } catch {
    return sent;
  }
}

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
