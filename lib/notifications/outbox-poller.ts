import { getDb } from '@/db';
import { runJobs } from '@/lib/services/jobs/run-jobs';
import { dispatchOutbox } from './dispatch-outbox';
import { log } from '@/lib/log/logger';

const g = globalThis as unknown as { __bspPoller?: NodeJS.Timeout };

const DEFAULT_POLL_MS = 30_000;

/**
 * OUTBOX_POLL_MS (whole milliseconds, 100 to 3 600 000) shortens the retry interval so a test can watch several
 * instances' dispatchers race for the same rows within seconds; anything else keeps the 30-second default.
 */
export function outboxPollMs(env: Record<string, string | undefined> = process.env): number {
  const raw = (env.OUTBOX_POLL_MS ?? '').trim();
  if (!/^\d+$/.test(raw)) return DEFAULT_POLL_MS;
  const n = Number(raw);
  return n >= 100 && n <= 3_600_000 ? n : DEFAULT_POLL_MS;
}

/**
 * JOBS_IN_APP=0 leaves the scheduled jobs (issue 19) to `npm run jobs -- --once` run by cron; by default
 * every instance's poller runs them too, which is safe: a job is claimed with SKIP LOCKED and keyed.
 */
export function jobsInApp(env: Record<string, string | undefined> = process.env): boolean {
  return (env.JOBS_IN_APP ?? '').trim() !== '0';
}

export function startOutboxPoller(intervalMs = outboxPollMs()): void {
  if (g.__bspPoller) return;
  const withJobs = jobsInApp();
  g.__bspPoller = setInterval(() => {
    void getDb()
      .then(async (db) => {
        // Jobs first: the reminders they write are then sent in the same tick.
        if (withJobs) await runJobs(db).catch(() => log.error('jobs: run failed; will retry'));
        await dispatchOutbox(db);
      })
      .catch(() => log.error('outbox: poll failed; will retry'));
  }, intervalMs);
  g.__bspPoller.unref();
}

/** Graceful shutdown: no new run starts; one in progress is tracked work (dispatchOutbox). */
export function stopOutboxPoller(): void {
  if (g.__bspPoller) clearInterval(g.__bspPoller);
  g.__bspPoller = undefined;
}
