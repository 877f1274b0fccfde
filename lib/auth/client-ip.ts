import { trustedProxies } from '@/lib/config/runtime-config';

/** Set by lib/net/peer-address.ts from the TCP socket on every request (any client-sent value is replaced). */
export const PEER_HEADER = 'x-bsp-peer-address';

/**
 * The client address: the right-most hop not written by one of our TRUSTED_PROXIES.
 * Hops are X-Forwarded-For's entries followed by the socket peer; with 0 trusted proxies that is
 * the socket peer itself, so nothing a client writes in X-Forwarded-For is ever taken as its address.
 */
export function clientIp(headers: Headers, trusted = trustedProxies()): string {
  const xff = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const peer = headers.get(PEER_HEADER)?.trim();
  // Without the peer header (a runtime that did not install the hook), Next's own server sets
  // X-Forwarded-For to the socket address only when the client sent none: the right-most entry is the best we have.
  const hops = peer ? [...xff, peer] : xff;
  if (!hops.length) return 'unknown';
  const hop = hops[Math.max(0, hops.length - 1 - trusted)]!;
  return normalizeIp(hop).slice(0, 64);
}

/** `::ffff:127.0.0.1` → `127.0.0.1`, so one client has one key whatever the socket family. */
function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
