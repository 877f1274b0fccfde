import { NextResponse, type NextRequest } from 'next/server';
import { PAGE_PATH_HEADER } from '@/lib/i18n/page-path';
import { secureCookies } from '@/lib/config/runtime-config';
import {
  handoffValue,
  IDLE_SECONDS,
  refreshedToken,
  SESSION_HANDOFF_HEADER,
  sessionCookieName,
  sessionTokenFrom,
  verifySessionToken,
} from '@/lib/auth/session-config';

const isDev = process.env.NODE_ENV !== 'production';

function csp(nonce: string): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `frame-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/**
 * Sets the CSP nonce, slides the session cookie's idle expiry (at most once a minute) and, as a
 * convenience, sends signed-out visitors of a role area to the login. It reads the cookie without
 * the database; the real guards are currentActor()/requireRole() in every page and guarded() in
 * every server action, which check the session version (N4).
 */
export function proxy(req: NextRequest) {
  const claims = verifySessionToken(sessionTokenFrom(req.cookies));
  const protectedArea = /^\/(famiglia|erogatore|ufficio)(\/|$)/.test(req.nextUrl.pathname);
  if (protectedArea && !claims) return NextResponse.redirect(new URL('/login', req.nextUrl));
  const nonce = btoa(crypto.randomUUID());
  const policy = csp(nonce);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  requestHeaders.set(SESSION_HANDOFF_HEADER, handoffValue(claims));
  requestHeaders.set('x-request-id', crypto.randomUUID());
  // The page's language depends on where it is (staff areas stay Italian) and the switch returns here.
  requestHeaders.set(PAGE_PATH_HEADER, req.nextUrl.pathname + req.nextUrl.search);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', policy);
  const fresh = claims ? refreshedToken(claims) : null;
  if (fresh) {
    res.cookies.set(sessionCookieName(), fresh, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookies(),
      maxAge: IDLE_SECONDS,
    });
  }
  return res;
}

export const config = {
  // /bench/floor is the benchmark's floor, /api/health and /api/ready the probes: no proxy work at all.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth|api/health|api/ready|bench/floor).*)'],
};
