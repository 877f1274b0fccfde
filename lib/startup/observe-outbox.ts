import { context, metrics } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { notificationOutbox } from '@/db/schema';

/** Outbox backlog and the age of its oldest pending message, read once per metric export (its query makes no span). */
export function observeOutbox(): void {
  const meter = metrics.getMeter('buoni-pes');
  const backlog = meter.createObservableGauge('bsp.outbox.backlog', { description: 'Notifiche in attesa di invio' });
  const oldest = meter.createObservableGauge('bsp.outbox.oldest_pending_age', {
    description: 'Età della notifica in attesa più vecchia',
    unit: 's',
  });
  meter.addBatchObservableCallback(
    async (result) => {
      try {
        const rows = await context.with(suppressTracing(context.active()), async () =>
          (await getDb())
            .select({
              n: sql<number>`count(*)::int`,
              oldest: sql<string | null>`min(${notificationOutbox.createdAt})::text`,
            })
            .from(notificationOutbox)
            .where(sql`${notificationOutbox.status} = 'pending'`),
        );
        const row = rows[0];
        result.observe(backlog, Number(row?.n ?? 0));
        result.observe(
          oldest,
          row?.oldest ? Math.max(0, Math.round((Date.now() - new Date(row.oldest).getTime()) / 1000)) : 0,
        );
      } catch {
        /* database unavailable: no observation this time (readiness reports it) */
      }
    },
    [backlog, oldest],
  );
}
