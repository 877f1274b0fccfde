import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/open';
import { scheduledJobs } from '@/db/schema';
import { now as clockNow } from '@/lib/clock';
import { log } from '@/lib/log/logger';
import { isShuttingDown, trackWork } from '@/lib/ops/shutdown-state';
import { handleJob, type ClaimedJob } from './handle-job';
import { scheduleDailyPlan } from './enqueue-job';

export const MAX_JOB_ATTEMPTS = 5;

/** 1 min, 2 min, 4 min … capped at 1 h. */
export function jobBackoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * One pass of the durable jobs (issue 19): today's plan is enqueued by its key (a rerun adds nothing),
 * then due jobs are worked one per transaction. A job is claimed with FOR UPDATE SKIP LOCKED and marked
 * done in the transaction that writes its outbox rows: a second runner at the same moment skips it, and
 * finds it done afterwards. A failing job rolls back what it wrote and is retried later with backoff.
 */
export function runJobs(db: Db, opts: { now?: Date; max?: number } = {}): Promise<{ done: number; failed: number }> {
  if (isShuttingDown()) return Promise.resolve({ done: 0, failed: 0 });
  return trackWork(run(db, opts));
}

async function run(db: Db, opts: { now?: Date; max?: number }) {
  const now = opts.now ?? clockNow();
  await scheduleDailyPlan(db, now);
  let done = 0;
  let failed = 0;
  for (let i = 0; i < (opts.max ?? 200) && !isShuttingDown(); i++) {
    const outcome = await runOne(db, now);
    if (outcome === 'none') break;
    if (outcome === 'done') done++;
    else failed++;
  }
  return { done, failed };
}

async function runOne(db: Db, now: Date): Promise<'none' | 'done' | 'failed'> {
  let claimed: ClaimedJob | null = null;
  try {
    const result = await db.transaction(async (tx) => {
      const job = await claim(tx, now);
      if (!job) return 'none' as const;
      claimed = job;
      const outcome = await handleJob(tx, job, now);
      await tx
        .update(scheduledJobs)
        .set({ status: 'done', doneAt: now, outcome, attempts: job.attempts + 1, lastError: null })
        .where(eq(scheduledJobs.id, job.id));
      return 'done' as const;
    });
    return result;
  } catch (e) {
    const job = claimed as ClaimedJob | null;
    if (!job) throw e;
    const attempts = job.attempts + 1;
    const message = e instanceof Error ? e.message.slice(0, 500) : 'errore';
    await db
      .update(scheduledJobs)
      .set({
        attempts,
        lastError: message,
        status: attempts >= MAX_JOB_ATTEMPTS ? 'failed' : 'pending',
        runAfter: new Date(now.getTime() + jobBackoffMs(attempts)),
      })
      .where(and(eq(scheduledJobs.id, job.id), eq(scheduledJobs.status, 'pending')));
    log.error({ job: job.kind, attempts }, `jobs: ${job.key} failed (${message})`);
    return 'failed';
  }
}

async function claim(tx: Tx, now: Date): Promise<ClaimedJob | null> {
  const rows = await tx.execute<ClaimedJob>(sql`
    select id, key, kind, payload, attempts from ${scheduledJobs}
    where status = 'pending' and run_after <= ${now.toISOString()}::timestamptz
    order by run_after, key limit 1
    for update skip locked`);
  const list = (Array.isArray(rows) ? rows : (rows as unknown as { rows: ClaimedJob[] }).rows) as ClaimedJob[];
  return list[0] ?? null;
}
