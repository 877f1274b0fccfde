import http from 'node:http';
import { onResponseClose } from '@/lib/http/on-response-close';

type Tracker = { servers: Set<http.Server>; inFlight: number; onIdle: Set<() => void> };
const KEY = Symbol.for('bsp.inFlightTracker');
const INSTALLED = Symbol.for('bsp.inFlightHook');

function tracker(): Tracker {
  const g = globalThis as unknown as { [KEY]?: Tracker };
  g[KEY] ??= { servers: new Set(), inFlight: 0, onIdle: new Set() };
  return g[KEY];
}

/**
 * Graceful shutdown needs Next's HTTP server (to stop accepting connections) and the number of
 * requests still being answered; `next start` exposes neither. Installed from instrumentation.ts
 * before the first request, this hook notes every server that sees a connection and counts each
 * request until its response closes (answered in full, or the client went away).
 */
export function installInFlightTracker(): void {
  const proto = http.Server.prototype as unknown as {
    emit: (event: string, ...args: unknown[]) => boolean;
    [INSTALLED]?: true;
  };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'connection' || event === 'request') tracker().servers.add(this);
    if (event === 'request') {
      const t = tracker();
      t.inFlight++;
      onResponseClose(args[1] as http.ServerResponse, () => {
        t.inFlight--;
        for (const f of t.onIdle) f();
      });
    }
    return emit.call(this, event, ...args);
  };
}

export function requestsInFlight(): number {
  return tracker().inFlight;
}

export function trackedServers(): http.Server[] {
  return [...tracker().servers];
}

/** Called after each response closes (the shutdown closes keep-alive sockets that just became idle). */
export function onResponseClosed(f: () => void): () => void {
  tracker().onIdle.add(f);
  return () => tracker().onIdle.delete(f);
}
