import 'server-only';
import { after } from 'next/server';
import { getDb } from '@/db';
import { dispatchOutbox } from './dispatch-outbox';
import { log } from '@/lib/log/logger';

/** After the response is sent (so after commit), deliver what the request queued; failures wait for the next run. */
export function kickDispatcher(): void {
  after(async () => {
    try {
      await dispatchOutbox(await getDb());
    } catch {
      log.error('outbox: dispatch failed; will retry');
    }
  });
}
