import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import type { Role } from './actor';
import { fromHandoff, SESSION_HANDOFF_HEADER, sessionTokenFrom, verifySessionToken } from './session-config';
import { sessionStillValid } from './session-check';
import { confirmedTotp } from './totp/second-factor';

export type Session = { userId: string; role: Role; providerId: string | null; name: string; mfaPending: boolean };

/**
 * The authoritative session check, once per request (React cache): the claims proxy.ts decrypted
 * (or the cookie, decrypted here when no hand-off came), then one query for the session version.
 */
export const currentSession = cache(async (): Promise<Session | null> => {
  const h = await headers();
  let claims = fromHandoff(h.get(SESSION_HANDOFF_HEADER));
  if (claims === undefined) claims = verifySessionToken(sessionTokenFrom(await cookies()));
  if (!claims) return null;
  const providerId = claims.pid ?? null;
  const db = await getDb();
  if (!(await sessionStillValid(db, claims.uid, claims.role, claims.sv, providerId))) return null;
  // Staff signed in with the password only, second factor required but not enrolled yet: limited to enrolment
  // until the first code is confirmed (one more query, for those sessions only).
  const mfaPending = claims.mfa === 'enrol' && !(await confirmedTotp(db, claims.uid));
  return { userId: claims.uid, role: claims.role as Role, providerId, name: claims.name ?? '', mfaPending };
});
