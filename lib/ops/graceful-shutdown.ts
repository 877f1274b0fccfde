import type http from 'node:http';
import { beginShutdown, workSettled } from './shutdown-state';
import { onResponseClosed, requestsInFlight, trackedServers } from './track-in-flight';
import { log } from '@/lib/log/logger';

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/** SHUTDOWN_TIMEOUT_MS: how long requests in flight (and the outbox run) may take to finish; default 25 s. */
export function shutdownTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number((env.SHUTDOWN_TIMEOUT_MS ?? '').trim());
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_SHUTDOWN_TIMEOUT_MS;
}

type Steps = {
  timeoutMs: number;
  /** Stops the outbox poller's timer (a run in progress is tracked work and finishes or releases its lease). */
  stopBackground: () => void;
  closeDatabase: () => Promise<void>;
  servers?: () => http.Server[];
};

function until(done: () => boolean, deadline: number): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (done()) return finish(true);
      if (Date.now() >= deadline) return finish(false);
    };
    const timer = setInterval(check, 50);
    const unsubscribe = onResponseClosed(() => setImmediate(check));
    const finish = (ok: boolean) => {
      clearInterval(timer);
      unsubscribe();
      resolve(ok);
    };
    check();
  });
}

function settledBy(work: Promise<void>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))),
  );
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

/**
 * R2: readiness says 503 at once; no new connection is accepted; requests in flight and the outbox
 * run in progress finish (up to the timeout); then the database closes. Resolves to the exit code:
 * 0 when everything drained, 1 when the timeout cut something off.
 */
export async function shutDown(steps: Steps): Promise<number> {
  const deadline = Date.now() + steps.timeoutMs;
  beginShutdown();
  steps.stopBackground();
  const servers = (steps.servers ?? trackedServers)();
  for (const s of servers) {
    s.close();
    s.closeIdleConnections();
  }
  // A keep-alive socket becomes idle when its response ends: close it then, or the client would send more.
  const stopClosingIdle = onResponseClosed(() => setImmediate(() => servers.forEach((s) => s.closeIdleConnections())));
  const drained = await until(() => requestsInFlight() === 0, deadline);
  stopClosingIdle();
  const background = await settledBy(workSettled(), deadline);
  if (!drained || !background) {
    log.error(
      { timeoutMs: steps.timeoutMs, interrupted: requestsInFlight() },
      `shutdown: tempo scaduto (${steps.timeoutMs} ms): ${requestsInFlight()} richieste interrotte`,
    );
    for (const s of servers) s.closeAllConnections();
  }
  // Bounded too: a query hung on a cut network would otherwise keep the pool from closing.
  const closed = await settledBy(
    steps.closeDatabase().catch(() => undefined),
    Date.now() + 5_000,
  );
  if (!closed) log.error('shutdown: chiusura del database non completata');
  return drained && background ? 0 : 1;
}

const INSTALLED = Symbol.for('bsp.shutdownHandler');

/**
 * Next's own SIGTERM/SIGINT handler (server/lib/start-server.js) closes the server and then calls
 * process.exit(143): no bound on the wait, the database and the outbox are left as they are, and
 * the exit code says "killed". Ours replaces it (registered before ours, it is removed here).
 * A second signal exits at once: each use case is one transaction, so nothing is half-written.
 */
export function installShutdownHandler(steps: Omit<Steps, 'timeoutMs'>): void {
  const g = globalThis as unknown as { [INSTALLED]?: true };
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) {
      log.error({ signal }, `shutdown: secondo ${signal}: uscita immediata`);
      process.exit(1);
    }
    started = true;
    const timeoutMs = shutdownTimeoutMs();
    log.info(
      { signal, timeoutMs },
      `shutdown: ${signal}: non accetto nuove richieste, attendo quelle in corso (al massimo ${timeoutMs} ms)`,
    );
    void shutDown({ ...steps, timeoutMs }).then((code) => process.exit(code));
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}
