import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { migrationsApplied } from './migration-status';
import { isShuttingDown } from './shutdown-state';

export type NotReadyReason = 'database' | 'migrations' | 'shutting_down';
export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };
type ProbeResult = 'ok' | 'migrations';

export const PROBE_TIMEOUT_MS = 1_000;

/** `select 1` and the migrations check in one short transaction whose statements PostgreSQL itself stops after 1 s. */
export async function probeDatabase(): Promise<ProbeResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = ${PROBE_TIMEOUT_MS}`));
    await tx.execute(sql`select 1`);
    return (await migrationsApplied(tx)) ? 'ok' : 'migrations';
  });
}

type Flight = { answer: Promise<Readiness>; queryRunning: boolean };
const KEY = Symbol.for('bsp.readinessFlight');

function slot(): { flight?: Flight } {
  const g = globalThis as unknown as { [KEY]?: { flight?: Flight } };
  g[KEY] ??= {};
  return g[KEY];
}

function answerOf(r: ProbeResult | 'error' | 'timeout'): Readiness {
  if (r === 'ok') return { ready: true };
  return { ready: false, reason: r === 'migrations' ? 'migrations' : 'database' };
}

/**
 * Ready when not shutting down, the database answers within 1 s, and the build's migrations are applied.
 * A load balancer probes often and a cut network can hang a query for minutes, so at most one probe
 * query runs per process: while it runs, every caller shares its answer ("database" once 1 s has
 * passed), and the next query starts only after it returns. Hung probes never drain the pool.
 */
export async function checkReadiness(
  probe: () => Promise<ProbeResult> = probeDatabase,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: 'shutting_down' };
  const s = slot();
  let flight = s.flight;
  if (!flight?.queryRunning) {
    const started: Flight = { answer: Promise.resolve({ ready: true }), queryRunning: true };
    const query = probe().then(
      (r) => r,
      () => 'error' as const,
    );
    void query.finally(() => (started.queryRunning = false));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref();
    });
    started.answer = Promise.race([query, timeout]).then((r) => {
      clearTimeout(timer);
      return answerOf(r);
    });
    s.flight = flight = started;
  }
  const answer = await flight.answer;
  return isShuttingDown() ? { ready: false, reason: 'shutting_down' } : answer;
}

/** Tests only. */
export function resetReadiness(): void {
  delete slot().flight;
}
