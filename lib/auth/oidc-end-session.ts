import 'server-only';
import { isAllowedIssuer, type OidcSettings } from '@/lib/config/runtime-config';

/**
 * Where to send the browser so the gateway ends its own session too (RP-initiated logout), or null when it
 * publishes no end_session_endpoint or cannot be reached: the local session is over either way.
 */
export async function endSessionUrl(
  settings: OidcSettings,
  idToken: string,
  postLogoutRedirectUri: string,
): Promise<string | null> {
  try {
    const res = await fetch(`${settings.issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(3000),
      cache: 'no-store',
    });
    if (!res.ok) return null;
    const endpoint = ((await res.json()) as { end_session_endpoint?: unknown }).end_session_endpoint;
    if (typeof endpoint !== 'string') return null;
    const url = new URL(endpoint);
    if (!isAllowedIssuer(url.origin)) return null;
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri);
    url.searchParams.set('client_id', settings.clientId);
    return url.toString();
  } catch {
    return null;
  }
}
