import 'server-only';
import { cookies } from 'next/headers';
import { secureCookies } from '@/lib/config/runtime-config';
import { authSecret } from './auth-secret';
import { currentClaims } from './current-session';
import { continuedClaims } from './session-claims';
import { IDLE_SECONDS, sessionCookieName } from './session-config';
import { encodeSessionToken } from './session-token';

/**
 * Re-issues this request's session cookie at the user's new session version, as a full session: the session
 * that confirmed an enrolment continues while the version bump ends every other one. Only from a server action
 * (Next sets cookies there), and only for the user the cookie belongs to.
 */
export async function continueCurrentSession(userId: string, sessionVersion: number): Promise<void> {
  const claims = await currentClaims();
  const secret = authSecret();
  if (!claims || claims.uid !== userId || !secret) return;
  const name = sessionCookieName();
  const token = encodeSessionToken(continuedClaims(claims, sessionVersion), secret, name, IDLE_SECONDS);
  const jar = await cookies();
  // A token once split by Auth.js into name.0, name.1… would be joined with the new one: drop the chunks.
  for (const c of jar.getAll()) if (c.name.startsWith(`${name}.`)) jar.delete(c.name);
  jar.set(name, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies(), maxAge: IDLE_SECONDS });
}
