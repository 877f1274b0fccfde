import { getDb } from '@/db';
import { dispatchOutbox } from './dispatch-outbox';
import { log } from '@/lib/log/logger';

const g = globalThis as unknown as { __bspPoller?: NodeJS.Timeout };

export function startOutboxPoller(intervalMs = 30_000): void {
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
