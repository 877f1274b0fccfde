import http from 'node:http';
import { PEER_HEADER } from '@/lib/auth/client-ip';

const INSTALLED = Symbol.for('bsp.peerAddressHook');

/**
 * `next start` gives route handlers, server actions and Auth.js no socket address: Next's server
 * sets X-Forwarded-For to it only when the client sent none (`??=` in base-server), so a client
 * that writes its own X-Forwarded-For hides its address. This hook, installed before the first
 * request (instrumentation.ts), records the socket peer of every incoming request in a header of
 * our own, replacing any value a client sent; clientIp() counts hops from it.
 */
export function installPeerAddressHook(): void {
  const proto = http.Server.prototype as unknown as {
    emit: (event: string, ...args: unknown[]) => boolean;
    [INSTALLED]?: true;
  };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      const addr = req.socket?.remoteAddress;
      if (addr) req.headers[PEER_HEADER] = addr;
      else delete req.headers[PEER_HEADER];
    }
    return emit.call(this, event, ...args);
  };
}
