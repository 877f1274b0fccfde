import { dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { runJobs } from '@/lib/services/jobs/run-jobs';
import { openDb } from '../open';

/**
 * `npm run jobs -- --once`: one pass of the scheduled jobs (today's plan, digests, reminders), then one
 * delivery pass of the outbox, against DATABASE_URL (or the local PGlite folder when the app is stopped:
 * PGlite has no file lock). Safe to run from cron on every instance at once: jobs are claimed with SKIP
 * LOCKED and keyed, so nothing is sent twice. Without --once it keeps running, a pass every minute.
 */
async function main() {
  const once = process.argv.includes('--once');
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  const pass = async () => {
    const jobs = await runJobs(opened.db);
    const mail = await dispatchOutbox(opened.db);
    console.log(
      `Lavori: ${jobs.done} eseguiti, ${jobs.failed} non riusciti; messaggi: ${mail.sent} inviati, ${mail.failed} non riusciti (${opened.kind}).`,
    );
  };
  try {
    await pass();
    if (once) return;
    let stopping = false;
    let wake: (() => void) | null = null;
    const stop = () => {
      stopping = true;
      wake?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    while (!stopping) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 60_000);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (!stopping) await pass();
    }
  } finally {
    await opened.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
