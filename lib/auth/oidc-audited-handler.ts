import 'server-only';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db';
import { log } from '@/lib/log/logger';
import { clientIp } from './client-ip';
import { oidcRefusalPath } from './oidc-refusal-path';
import { auditOidcRefusal } from './oidc-sign-in';

type Handler = (request: NextRequest) => Promise<Response>;

/**
 * Auth.js itself refuses a callback whose state, PKCE verifier, nonce, signature, issuer, audience or expiry is
 * wrong, or a code already used, and redirects to its error page (/login?error=…) before any callback of ours
 * runs. Those refusals get their audit event here, and the browser the SPID/CIE page that explains them.
 */
export function auditedOidcHandler(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request);
    const path = request.nextUrl.pathname;
    const step = path.endsWith('/callback/oidc')
      ? 'protocol'
      : path.endsWith('/signin/oidc')
        ? 'gateway_unreachable'
        : null;
    const location = response.headers.get('location');
    if (!step || !location) return response;
    const target = new URL(location, request.nextUrl.origin);
    if (target.origin !== request.nextUrl.origin || target.pathname !== '/login' || !target.searchParams.has('error'))
      return response;
    try {
      await auditOidcRefusal(await getDb(), step, clientIp(request.headers));
    } catch {
      log.warn({ kind: step }, 'auth: refusal not audited');
    }
    const headers = new Headers(response.headers);
    headers.set('location', new URL(oidcRefusalPath(step), request.nextUrl.origin).toString());
    return new Response(null, { status: response.status, headers });
  };
}
