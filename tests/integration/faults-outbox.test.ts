import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox, pes, vouchers } from '@/db/schema';
import { dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { senderFor, type Sender } from '@/lib/notifications/senders';
import { closePes } from '@/lib/services/provider/close-pes';
import { requestClosing } from '@/lib/services/family/request-closing';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * M6 under faults: a local stand-in for Resend (reached through RESEND_BASE_URL) that can be
 * switched off, and that honours the Idempotency-Key the way Resend does — a key seen before is
 * answered with the first result and not delivered again.
 */
function fakeResend() {
  const delivered = new Set<string>();
  const requests = new Map<string, number>();
  let calls = 0;
  let down = false;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.setHeader('content-type', 'application/json');
      if (down) {
        res.statusCode = 503;
        res.end(JSON.stringify({ name: 'application_error', message: 'temporarily down', statusCode: 503 }));
        return;
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      requests.set(key, (requests.get(key) ?? 0) + 1);
      delivered.add(key);
      res.end(JSON.stringify({ id: `msg_${key}` }));
    });
  });
  return {
    server,
    delivered,
    requests,
    calls: () => calls,
    setDown: (d: boolean) => (down = d),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

let t: TestDb;
const fake = fakeResend();
const saved = { key: process.env.RESEND_API_KEY, base: process.env.RESEND_BASE_URL };

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
  process.env.RESEND_API_KEY = 're_fault_test';
  process.env.RESEND_BASE_URL = fake.url();
});
afterAll(async () => {
  process.env.RESEND_API_KEY = saved.key;
  process.env.RESEND_BASE_URL = saved.base;
  if (saved.key === undefined) delete process.env.RESEND_API_KEY;
  if (saved.base === undefined) delete process.env.RESEND_BASE_URL;
  fake.server.close();
  await t.close();
});

async function pendingEmails() {
  return (await t.db.select().from(notificationOutbox)).filter((r) => r.channel === 'email' && r.status !== 'sent');
}

/** Dispatches with a clock moved far enough each round that every backoff has elapsed; bounded rounds. */
async function drain(start: Date, rounds = 10) {
  let now = start;
  for (let i = 0; i < rounds && (await pendingEmails()).length > 0; i++) {
    now = new Date(now.getTime() + 3_700_000);
    await dispatchOutbox(t.db, { now, batch: 100 });
  }
  return now;
}

describe('M6: the e-mail provider failing for a while', () => {
  it('commits every state change while mail is down, sends nothing for a rolled-back change, then delivers each e-mail exactly once', async () => {
    const a = await demoActors(t.db);
    const [voucher] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
    const open = (await t.db.select().from(pes).where(eq(pes.voucherId, voucher!.id))).filter(
      (p) => p.kind === 'standard',
    );
    fake.setDown(true);
    // Start from a clean outbox: the seed's own rows are not part of this test.
    await t.db.delete(notificationOutbox);

    await requestClosing(t.db, a.anna, { voucherId: voucher!.id, pesIds: open.map((p) => p.id) });
    const t0 = new Date(Date.now() + 60_000);
    expect((await dispatchOutbox(t.db, { now: t0, batch: 100 })).sent).toBe(0);
    const byCode = new Map(open.map((p) => [p.code, p.id]));
    await closePes(t.db, a.prv1, { pesId: byCode.get('BS-2020-0001/1')!, usedCents: 30_000, hoursUsed: 20 });
    await closePes(t.db, a.prv2, { pesId: byCode.get('BS-2020-0001/2')!, usedCents: 41_755, hoursUsed: 28 });
    // A refused change (used more than charged) rolls back: no state change, no e-mail.
    const rowsBefore = (await t.db.select().from(notificationOutbox)).length;
    await expect(
      closePes(t.db, a.prv3, { pesId: byCode.get('BS-2020-0001/3')!, usedCents: 9_999_999, hoursUsed: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await t.db.select().from(notificationOutbox)).length).toBe(rowsBefore);
    expect((await dispatchOutbox(t.db, { now: new Date(t0.getTime() + 3_700_000), batch: 100 })).sent).toBe(0);

    // State changes committed although every delivery failed.
    const after = await t.db.select().from(pes).where(eq(pes.voucherId, voucher!.id));
    expect(
      after
        .filter((p) => p.status === 'closed')
        .map((p) => p.code)
        .sort(),
    ).toEqual(['BS-2020-0001/1', 'BS-2020-0001/2']);
    expect(after.find((p) => p.code === 'BS-2020-0001/3')!.status).toBe('close_requested');
    const queued = await pendingEmails();
    // 3 providers asked to close + 2 closing notices to the family.
    expect(queued).toHaveLength(5);
    expect(fake.delivered.size).toBe(0);

    fake.setDown(false);
    await drain(new Date(t0.getTime() + 2 * 3_700_000));
    expect(await pendingEmails()).toEqual([]);
    expect([...fake.delivered].sort()).toEqual(queued.map((q) => q.id).sort());
    // Once delivered, a message is never attempted again.
    for (const n of fake.requests.values()) expect(n).toBe(1);
  });
});

describe('M6: the dispatcher dies between delivery and marking the message sent', () => {
  it('redelivers after the lease with the same idempotency key, so the message arrives once', async () => {
    await t.db.delete(notificationOutbox);
    fake.delivered.clear();
    fake.requests.clear();
    const { enqueueEmail } = await import('@/lib/notifications/enqueue');
    await enqueueEmail(t.db, { to: 'crash@example.it', subject: 'Prova arresto', paragraphs: ['Testo'] });
    const [row] = await t.db.select().from(notificationOutbox);
    const real = senderFor('email');
    // Delivers for real, then never returns: as if the process were killed before the UPDATE … status = 'sent'.
    const dying: Sender = {
      name: real.name,
      send: async (m) => {
        await real.send(m);
        await new Promise(() => undefined);
      },
    };
    const t0 = new Date(Date.now() + 120_000);
    void dispatchOutbox(t.db, { now: t0, senders: () => dying });
    await expect.poll(() => fake.requests.get(row!.id) ?? 0, { timeout: 10_000 }).toBe(1);
    const [claimed] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, row!.id));
    expect(claimed!.status).toBe('pending');

    // Another instance, after the lease: the claim is taken over and the send repeated with the same key.
    const callsBefore = fake.calls();
    expect(await dispatchOutbox(t.db, { now: new Date(t0.getTime() + 10 * 60_000) })).toMatchObject({ sent: 1 });
    expect(fake.calls()).toBe(callsBefore + 1);
    // The provider saw the key twice and, honouring it, delivered once.
    expect(fake.requests.get(row!.id)).toBe(2);
    expect([...fake.delivered]).toEqual([row!.id]);
    const [done] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, row!.id));
    expect(done).toMatchObject({ status: 'sent' });
  });
});
