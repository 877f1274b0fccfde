import { randomBytes, timingSafeEqual } from 'node:crypto';
import { secureCookies } from '@/lib/config/runtime-config';
import { authSecret } from './auth-secret';
import { decodeSessionToken, encodeSessionToken, type SessionClaims } from './session-token';

// Idle timeout 30 min (sliding), absolute 12 h from sign-in (S1).
export const IDLE_SECONDS = 30 * 60;
export const ABSOLUTE_SECONDS = 12 * 60 * 60;
/** The cookie is re-issued (sliding idle expiry) at most once a minute, not on every request. */
export const REFRESH_AFTER_SECONDS = 60;

/** Auth.js's cookie name for these settings (it derives the key from it, so both must agree). */
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}authjs.session-token`;
}

type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The session token, joined from Auth.js's chunks (`name.0`, `name.1`, …) when it had to split it. */
export function sessionTokenFrom(jar: CookieJar): string | null {
  const name = sessionCookieName();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((c) => c.value).join('') : null;
}

/** The session token from a request's Cookie header (the same value Next's cookies() would give). */
export function sessionTokenFromHeader(cookieHeader: string | null): string | null {
  const all = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => ({ name: part.slice(0, part.indexOf('=')), value: part.slice(part.indexOf('=') + 1) }));
  return sessionTokenFrom({ get: (name) => all.find((c) => c.name === name), getAll: () => all });
}

export type VerifiedClaims = SessionClaims & {
  uid: string;
  role: string;
  sv: number;
  authTime: number;
  iat: number;
  exp: number;
};

/** Decrypts and checks the token without the database: shape, idle expiry, absolute expiry. */
export function verifySessionToken(token: string | null, nowS = Math.floor(Date.now() / 1000)): VerifiedClaims | null {
  const secret = authSecret();
  if (!token || !secret) return null;
  const c = decodeSessionToken(token, secret, sessionCookieName(), nowS);
  if (
    !c ||
    typeof c.uid !== 'string' ||
    typeof c.role !== 'string' ||
    typeof c.sv !== 'number' ||
    typeof c.authTime !== 'number'
  )
    return null;
  if (typeof c.iat !== 'number' || nowS - c.authTime > ABSOLUTE_SECONDS) return null;
  return c as VerifiedClaims;
}

/** A fresh cookie value when the token is older than a minute; null when it is still fresh. */
export function refreshedToken(claims: VerifiedClaims, nowS = Math.floor(Date.now() / 1000)): string | null {
  if (nowS - claims.iat < REFRESH_AFTER_SECONDS) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...rest } = claims;
  return encodeSessionToken(rest, authSecret()!, sessionCookieName(), IDLE_SECONDS, nowS);
}

/**
 * proxy.ts hands the claims it decrypted to the page in a request header, so a request decrypts
 * the cookie once. The header carries a per-process random tag: a value sent by a client (or
 * present when the proxy did not run) is ignored and the page decrypts the cookie itself.
 */
export const SESSION_HANDOFF_HEADER = 'x-bsp-session';
const g = globalThis as unknown as { __bspHandoffTag?: Buffer };
function handoffTag(): Buffer {
  g.__bspHandoffTag ??= randomBytes(24);
  return g.__bspHandoffTag;
}

export function handoffValue(claims: VerifiedClaims | null): string {
  return `${handoffTag().toString('base64url')}.${claims ? Buffer.from(JSON.stringify(claims)).toString('base64url') : ''}`;
}

/** undefined: no trustworthy hand-off (decrypt the cookie); null: the proxy found no valid session. */
export function fromHandoff(value: string | null): VerifiedClaims | null | undefined {
  if (!value) return undefined;
  const dot = value.indexOf('.');
  const tag = Buffer.from(value.slice(0, Math.max(0, dot)), 'base64url');
  const mine = handoffTag();
  if (dot < 0 || tag.length !== mine.length || !timingSafeEqual(tag, mine)) return undefined;
  const body = value.slice(dot + 1);
  if (!body) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as VerifiedClaims;
  } catch {
    return undefined;
  }
}
