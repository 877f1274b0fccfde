import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth/auth';

/**
 * Convenience only: sends signed-out visitors of a role area to the login and sets the CSP nonce.
 * The real guards are requireRole() in every layout/page and the check in every server action (N4).
 */
export const proxy = auth((req) => {
  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV !== 'production';
  const csp = [
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
  const protectedArea = /^\/(famiglia|erogatore|ufficio)(\/|$)/.test(req.nextUrl.pathname);
  if (protectedArea && !req.auth) return NextResponse.redirect(new URL('/login', req.nextUrl));
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  if (!requestHeaders.get('x-request-id')) requestHeaders.set('x-request-id', crypto.randomUUID());
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  return res;
});

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth).*)'],
};
