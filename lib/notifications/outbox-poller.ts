import { getDb } from '@/db';
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

export function startOutboxPoller(intervalMs = outboxPollMs()): void {
  if (g.__bspPoller) return;
  g.__bspPoller = setInterval(() => {
    void getDb()
      .then((db) => dispatchOutbox(db))
      .catch(() => log.error('outbox: poll failed; will retry'));
  }, intervalMs);
  g.__bspPoller.unref();
}

/** Graceful shutdown: no new run starts; one in progress is tracked work (dispatchOutbox). */
export function stopOutboxPoller(): void {
  if (g.__bspPoller) clearInterval(g.__bspPoller);
  g.__bspPoller = undefined;
}
