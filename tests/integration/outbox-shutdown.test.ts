import { inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox } from '@/db/schema';
import { dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import type { OutgoingMessage, Sender } from '@/lib/notifications/senders';
import { beginShutdown, resetShutdownState, workSettled } from '@/lib/ops/shutdown-state';
import { freshDb, type TestDb } from './support/test-db';

/**
 * R2 for the outbox: a shutting-down instance claims no message; a run already under way finishes the
 * message it is sending and releases the rest of its batch at once (lease and attempt given back), so
 * another instance sends them without waiting for the lease; the shutdown can wait for that run.
 */
let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());
afterEach(() => resetShutdownState());

async function queue(prefix: string, n: number): Promise<string[]> {
  const to = Array.from({ length: n }, (_, i) => `${prefix}${i}@example.it`);
  for (const address of to) await enqueueEmail(t.db, { to: address, subject: 'Prova', paragraphs: ['x'] });
  return to;
}

const rowsOf = (to: string[]) =>
  t.db
    .select({
      recipient: notificationOutbox.recipient,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      lockedUntil: notificationOutbox.lockedUntil,
    })
    .from(notificationOutbox)
    .where(inArray(notificationOutbox.recipient, to));

describe('outbox during shutdown', () => {
  it('claims nothing once shutdown began', async () => {
    const to = await queue('idle', 2);
    beginShutdown();
    const sent: OutgoingMessage[] = [];
    const sender: Sender = { name: 'fake', send: async (m) => void sent.push(m) };
    expect(await dispatchOutbox(t.db, { now: new Date('2040-01-01T00:00:00Z'), senders: () => sender })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(sent).toHaveLength(0);
    expect((await rowsOf(to)).every((r) => r.status === 'pending' && r.attempts === 0 && r.lockedUntil === null)).toBe(
      true,
    );
    // Out of the next test's batch.
    await t.db.delete(notificationOutbox).where(inArray(notificationOutbox.recipient, to));
  });

  it('finishes the message being sent and releases the rest of the batch; the shutdown waits for the run', async () => {
    const to = await queue('busy', 3);
    const sent: string[] = [];
    // The signal arrives while the first message is with the provider.
    const sender: Sender = {
      name: 'fake',
      send: async (m) => {
        beginShutdown();
        await new Promise((r) => setTimeout(r, 50));
        sent.push(m.recipient);
      },
    };
    const run = dispatchOutbox(t.db, { now: new Date('2040-01-01T00:00:00Z'), senders: () => sender });
    await workSettled();
    expect(await run).toEqual({ sent: 1, failed: 0 });
    const rows = await rowsOf(to);
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.recipient)).toEqual(sent);
    const released = rows.filter((r) => r.status === 'pending');
    expect(released).toHaveLength(2);
    expect(released.every((r) => r.lockedUntil === null && r.attempts === 0)).toBe(true);
  });
});
