import http from 'node:http';
import { AdmissionGate, admissionLimits, type ShedReason } from './admission-gate';
import { busyResponse } from './busy-response';
import { onResponseClose } from './on-response-close';

const INSTALLED = Symbol.for('bsp.admissionGate');
const GATE = Symbol.for('bsp.admissionGateInstance');

/** Health and readiness must answer under load; static chunks are files, not work for the database. */
const EXEMPT = ['/_next/static/', '/api/health', '/api/ready', '/fonts/', '/favicon'];

export function admissionGate(): AdmissionGate | undefined {
  return (globalThis as { [GATE]?: AdmissionGate })[GATE];
}

/**
 * Puts every request of Next's HTTP server through the admission gate (admission-gate.ts). Installed from
 * instrumentation.ts before the first request, like the other request hooks; installed before the request
 * log and the in-flight tracker, so a shed request is logged and a waiting one is drained at shutdown.
 */
export function installAdmissionGate(onShed?: (reason: ShedReason) => void): void {
  const proto = http.Server.prototype as unknown as {
    emit: (event: string, ...args: unknown[]) => boolean;
    [INSTALLED]?: true;
  };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const gate = new AdmissionGate(admissionLimits());
  (globalThis as { [GATE]?: AdmissionGate })[GATE] = gate;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    const url = req.url ?? '/';
    if (EXEMPT.some((p) => url.startsWith(p))) return emit.call(this, event, ...args);
    let admitted = false;
    let ticket: { cancel: () => void } | null = null;
    // One callback for both outcomes, registered first, so a handler that throws at once still gives its turn back.
    onResponseClose(res, () => (admitted ? gate.leave() : ticket?.cancel()));
    ticket = gate.enter(
      () => {
        admitted = true;
        emit.call(this, event, ...args);
      },
      (reason) => {
        onShed?.(reason);
        const busy = busyResponse(url, gate.limits.maxWaitMs);
        res.writeHead(503, busy.headers);
        res.end(busy.body);
      },
    );
    return true;
  };
}
