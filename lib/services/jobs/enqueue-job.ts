import 'server-only';
import type { DbOrTx } from '@/db/open';
import { scheduledJobs, type JobKind } from '@/db/schema';
import { addDays, isoDate, romeDayStart } from '@/lib/domain/dates';

/** Adds a job unless one with its key exists (done or not): the key is what makes a job happen once. */
export async function enqueueJob(
  db: DbOrTx,
  job: { key: string; kind: JobKind; payload?: Record<string, string>; runAfter: Date },
): Promise<boolean> {
  const rows = await db
    .insert(scheduledJobs)
    .values({ key: job.key, kind: job.kind, payload: job.payload ?? {}, runAfter: job.runAfter })
    .onConflictDoNothing({ target: scheduledJobs.key })
    .returning({ id: scheduledJobs.id });
  return rows.length === 1;
}

/** The daily reminders go out from 07:00 in Rome, before offices open. */
export const DAILY_PLAN_HOUR = 7;

/** The instant the plan of a Rome day may run: 07:00 local, DST included. */
export function dailyPlanStart(day: string): Date {
  const start = romeDayStart(day);
  const next = romeDayStart(addDays(day, 1));
  // A DST day is 23 or 25 hours long; 07:00 is after the change (02:00/03:00) either way.
  const shift = next.getTime() - start.getTime() - 24 * 3_600_000;
  return new Date(start.getTime() + DAILY_PLAN_HOUR * 3_600_000 + shift);
}

/** Today's plan (Rome calendar), by its key: every runner calls this, only the first insert counts. */
export async function scheduleDailyPlan(db: DbOrTx, now: Date): Promise<void> {
  const day = isoDate(now);
  await enqueueJob(db, {
    key: `plan:daily:${day}`,
    kind: 'plan_daily',
    payload: { day },
    runAfter: dailyPlanStart(day),
  });
}
