import type { Role } from './actor';
import { newSessionId } from './session-id';
import type { SessionClaims } from './session-token';

export type SignedInUser = {
  id: string;
  name?: string | null;
  role?: Role;
  providerId?: string | null;
  sessionVersion?: number;
  mfaPending?: boolean;
};

/** The claims Auth.js's jwt callback writes at sign-in (lib/auth/auth.ts). */
export type SignInClaims = {
  name: string | null;
  sub: string;
  uid: string;
  role?: Role;
  pid: string | null;
  sv?: number;
  authTime: number;
  sid: string;
  mfa?: 'enrol';
};

export function signInClaims(user: SignedInUser, nowS = Math.floor(Date.now() / 1000)): SignInClaims {
  return {
    name: user.name ?? null,
    sub: user.id,
    uid: user.id,
    role: user.role,
    pid: user.providerId ?? null,
    sv: user.sessionVersion,
    authTime: nowS,
    sid: newSessionId(),
    ...(user.mfaPending ? { mfa: 'enrol' as const } : {}),
  };
}

/**
 * The same session after the user's session version moved on (its own enrolment ended every session): the new
 * version, no longer limited to enrolment, a new session id. The sign-in time stays, so the absolute timeout holds.
 */
export function continuedClaims(claims: SessionClaims, sessionVersion: number): SessionClaims {
  const { iat: _iat, exp: _exp, jti: _jti, mfa: _mfa, ...rest } = claims;
  return { ...rest, sv: sessionVersion, sid: newSessionId() };
}
