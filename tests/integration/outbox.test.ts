import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox } from '@/db/schema';
import { backoffMs, dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import type { OutgoingMessage, Sender } from '@/lib/notifications/senders';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

function flakySender(failures: number) {
  const delivered: OutgoingMessage[] = [];
  let left = failures;
  const sender: Sender = {
    name: 'fake',
    async send(m) {
      if (left-- > 0) throw new Error('provider down');
      delivered.push(m);
    },
  };
  return { sender, delivered };
}

describe('notification outbox', () => {
  it('sends nothing for a rolled-back change', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueEmail(tx, { to: 'rollback@example.it', subject: 'Mai', paragraphs: ['x'] });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.recipient, 'rollback@example.it'))).toHaveLength(0);
  });

  it('retries with backoff while the provider fails, then delivers exactly once', async () => {
    await enqueueEmail(t.db, { to: 'retry@example.it', subject: 'Prova', paragraphs: ['Testo con <tag>'] });
    const { sender, delivered } = flakySender(2);
    const t0 = new Date('2030-01-01T00:00:00Z');
    expect(await dispatchOutbox(t.db, { now: t0, senders: () => sender })).toMatchObject({ failed: 1 });
    // Not due yet: nothing is attempted before the backoff elapses.
    expect(await dispatchOutbox(t.db, { now: new Date(t0.getTime() + 1000), senders: () => sender })).toEqual({ sent: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + backoffMs(1) + 1);
    expect(await dispatchOutbox(t.db, { now: t1, senders: () => sender })).toMatchObject({ failed: 1 });
    const t2 = new Date(t1.getTime() + backoffMs(2) + 1);
    expect(await dispatchOutbox(t.db, { now: t2, senders: () => sender })).toMatchObject({ sent: 1 });
    expect(await dispatchOutbox(t.db, { now: new Date(t2.getTime() + 3_600_000), senders: () => sender })).toEqual({ sent: 0, failed: 0 });
    expect(delivered).toHaveLength(1);
    const [row] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.recipient, 'retry@example.it'));
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(delivered[0]!.id).toBe(row!.id); // the idempotency key
    expect(row!.htmlBody).toContain('Testo con &lt;tag&gt;');
  });
});
