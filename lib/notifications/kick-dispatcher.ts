import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/db';
import { dispatchOutbox } from './dispatch-outbox';
import { log } from '@/lib/log/logger';
import { singleFlight } from './single-flight';

// Concurrent requests' kicks share one dispatch and one more after it; a dispatch claims a batch, so each goes
// on until a batch delivers nothing (what is left failing waits for its backoff and the poller).
const dispatchSoon = singleFlight(async () => {
  try {
    const db = await getDb();
    for (;;) {
      const { sent, failed } = await dispatchOutbox(db);
      if (sent + failed === 0) break;
    }
  } catch {
    log.error('outbox: dispatch failed; will retry');
  }
});

/** After the response is sent (so after commit), deliver what the request queued; failures wait for the next run. */
export function kickDispatcher(): void {
  after(dispatchSoon);
}
