import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, conversions, notificationOutbox, pes, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { backoffMs, dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { enqueueFamilyMessage } from '@/lib/notifications/enqueue-family-message';
import { enqueueIo } from '@/lib/notifications/enqueue-io';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { rejectConversion } from '@/lib/services/office/reject-conversion';
import { returnConversion } from '@/lib/services/office/return-conversion';
import { CF, demoActors, seeded } from './support/fixtures';
import { startIoStub, type IoStub } from './support/io-stub';
import { freshDb, type TestDb } from './support/test-db';

// Every log line the code under test writes, to prove no fiscal code or message text reaches the logs.
const sink = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('@/lib/log/logger', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/log/logger')>();
  const destination = new Writable({
    write(chunk, _enc, done) {
      sink.lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { ...real, log: real.createLogger({ level: 'debug', destination }) };
});

let t: TestDb;
let io: IoStub;
let office: Actor;
let conversionId = '';
const MARTA_MAIL = 'marta.verdi@example.it';
const env = { ...process.env };
// Each test dispatches at its own hour, far after the rows were written, so backoffs never overlap.
let clock = new Date('2031-03-01T08:00:00Z').getTime();
const later = (ms: number) => new Date((clock += ms));

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  ({ office } = await demoActors(t.db));
  const [v] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003'));
  conversionId = (await t.db.select().from(conversions).where(eq(conversions.voucherId, v!.id)))[0]!.id;
  // Whatever the seed queued is delivered now, so each test sees only its own messages.
  await dispatchOutbox(t.db, { now: later(0), batch: 1000 });
  io = await startIoStub();
});
afterAll(async () => {
  process.env = env;
  await io.close();
  await t.close();
});
beforeEach(async () => {
  Object.assign(process.env, { IO_API_KEY: io.apiKey, IO_API_URL: io.url });
  io.calls.length = 0;
  io.messages.length = 0;
  io.profiles.clear();
  io.profiles.set(CF.marta, true);
  await t.db
    .update(conversions)
    .set({ status: 'submitted', decisionReason: null, decidedBy: null, decidedAt: null })
    .where(eq(conversions.id, conversionId));
  await t.db.update(pes).set({ status: 'validated' }).where(eq(pes.conversionId, conversionId));
});
afterEach(() => {
  process.env = { ...env };
});

/** The family's e-mail and App IO rows written since `since`, oldest first. */
async function familyRows() {
  const rows = await t.db.select().from(notificationOutbox).orderBy(notificationOutbox.createdAt);
  return {
    email: rows.filter((r) => r.recipient === MARTA_MAIL).at(-1)!,
    io: rows.filter((r) => r.channel === 'io' && r.recipient === CF.marta).at(-1)!,
  };
}

async function row(id: string) {
  return (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, id)))[0]!;
}

describe('App IO through the outbox', () => {
  it('queues the outcome on App IO beside the e-mail; the stub receives the profile check, then the message', async () => {
    await approveConversion(t.db, office, { conversionId }, { baseUrl: 'https://buoni.example.it' });
    const { email, io: ioRow } = await familyRows();
    expect(ioRow).toMatchObject({ status: 'pending', subject: 'Modifica PES convalidata — buono BS-2020-0003' });
    // Same transaction: both rows carry the transaction's timestamp.
    expect(ioRow.createdAt.getTime()).toBe(email.createdAt.getTime());

    expect(await dispatchOutbox(t.db, { now: later(3_600_000) })).toMatchObject({ failed: 0 });
    expect(io.calls.map((c) => [c.path, c.status])).toEqual([
      ['/profiles', 200],
      ['/messages', 201],
    ]);
    expect(io.messages).toHaveLength(1);
    const sent = io.messages[0]!;
    expect(sent.fiscal_code).toBe(CF.marta);
    expect(sent.content.subject).toBe('Modifica PES convalidata — buono BS-2020-0003');
    expect(sent.content.markdown).toContain('ha convalidato la modifica PES del Buono di servizio BS-2020-0003');
    expect(sent.content.markdown).toContain('[Apri il buono](<https://buoni.example.it/famiglia/buoni/');
    expect(await row(ioRow.id)).toMatchObject({ status: 'sent', deliveredVia: 'app-io', attempts: 1 });
    expect(await row(email.id)).toMatchObject({ status: 'sent' });
  });

  it('sends no message when the family does not accept this service on IO, records it and never retries', async () => {
    io.profiles.set(CF.marta, false);
    await rejectConversion(t.db, office, { conversionId, reason: 'Documento non firmato dal soggetto erogatore' });
    const { email, io: ioRow } = await familyRows();
    await dispatchOutbox(t.db, { now: later(3_600_000) });
    expect(io.calls.map((c) => c.path)).toEqual(['/profiles']);
    expect(io.messages).toHaveLength(0);
    expect(await row(ioRow.id)).toMatchObject({ status: 'not_allowed', attempts: 1, sentAt: null });
    expect(await row(email.id)).toMatchObject({ status: 'sent' });
    await dispatchOutbox(t.db, { now: later(86_400_000) });
    expect(io.calls).toHaveLength(1);
  });

  it('treats a fiscal code with no IO profile (404) as not allowed', async () => {
    io.profiles.clear();
    await returnConversion(t.db, office, { conversionId, reason: 'Caricare il PES concordato firmato' });
    const { io: ioRow } = await familyRows();
    await dispatchOutbox(t.db, { now: later(3_600_000) });
    expect(io.calls.map((c) => [c.path, c.status])).toEqual([['/profiles', 404]]);
    expect(await row(ioRow.id)).toMatchObject({ status: 'not_allowed' });
  });

  it('retries after 429 and 503 with the e-mail’s backoff, then delivers once; the e-mail does not wait', async () => {
    io.failNext('/profiles', 429);
    io.failNext('/messages', 503);
    await returnConversion(t.db, office, { conversionId, reason: 'Caricare il PES concordato firmato' });
    const { email, io: ioRow } = await familyRows();
    const t0 = later(3_600_000);
    await dispatchOutbox(t.db, { now: t0 });
    expect(await row(email.id)).toMatchObject({ status: 'sent' });
    expect(await row(ioRow.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'app io profiles 429' });
    // Not due before the backoff.
    await dispatchOutbox(t.db, { now: new Date(t0.getTime() + backoffMs(1) - 1_000) });
    expect(io.calls).toHaveLength(1);
    const t1 = new Date(t0.getTime() + backoffMs(1) + 1);
    await dispatchOutbox(t.db, { now: t1 });
    expect(await row(ioRow.id)).toMatchObject({ status: 'pending', attempts: 2, lastError: 'app io messages 503' });
    await dispatchOutbox(t.db, { now: new Date(t1.getTime() + backoffMs(2) + 1) });
    clock = t1.getTime() + backoffMs(2) + 1;
    expect(io.calls.map((c) => [c.path, c.status])).toEqual([
      ['/profiles', 429],
      ['/profiles', 200],
      ['/messages', 503],
      ['/profiles', 200],
      ['/messages', 201],
    ]);
    expect(io.messages).toHaveLength(1);
    expect(await row(ioRow.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up at once on a 400, with an audit event that names neither the family nor the text', async () => {
    io.failNext('/messages', 400);
    await rejectConversion(t.db, office, { conversionId, reason: 'Documento non firmato dal soggetto erogatore' });
    const { email, io: ioRow } = await familyRows();
    await dispatchOutbox(t.db, { now: later(3_600_000) });
    expect(await row(ioRow.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'app io messages 400' });
    expect(await row(email.id)).toMatchObject({ status: 'sent' });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notification.rejected'), eq(auditEvents.entityId, ioRow.id)));
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ channel: 'io', subject: null, attempts: 1 });
    expect(JSON.stringify(events[0])).not.toContain(CF.marta);
    expect(JSON.stringify(events[0])).not.toContain('Documento non firmato');
    await dispatchOutbox(t.db, { now: later(86_400_000) });
    expect(io.calls.filter((c) => c.path === '/messages')).toHaveLength(1);
  });

  it('gives up on a wrong subscription key (401) without retrying', async () => {
    process.env.IO_API_KEY = 'not-the-key';
    await approveConversion(t.db, office, { conversionId });
    const { io: ioRow } = await familyRows();
    await dispatchOutbox(t.db, { now: later(3_600_000) });
    expect(io.calls.map((c) => [c.path, c.status])).toEqual([['/profiles', 401]]);
    expect(await row(ioRow.id)).toMatchObject({ status: 'failed', lastError: 'app io profiles 401' });
  });

  it('refuses content outside IO’s lengths before calling IO, and audits it', async () => {
    await enqueueIo(t.db, CF.marta, { subject: 'Breve', markdown: 'Troppo corto.' });
    const [bad] = await t.db
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.channel, 'io'), eq(notificationOutbox.subject, 'Breve')));
    await dispatchOutbox(t.db, { now: later(3_600_000) });
    expect(io.calls).toHaveLength(0);
    const after = await row(bad!.id);
    expect(after).toMatchObject({ status: 'failed', attempts: 1 });
    expect(after.lastError).toMatch(/oggetto di 5 caratteri .*testo di 13 caratteri/);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notification.rejected'), eq(auditEvents.entityId, bad!.id)));
    expect(events).toHaveLength(1);
  });

  it('writes nothing when the change rolls back', async () => {
    const before = (await t.db.select().from(notificationOutbox)).length;
    await expect(
      t.db.transaction(async (tx) => {
        await enqueueFamilyMessage(
          tx,
          { email: MARTA_MAIL, codiceFiscale: CF.marta, locale: null },
          'conversion_returned',
          {
            givenName: 'Marta',
            familyName: 'Verdi',
            voucherNumber: 'BS-2020-0003',
            protocolNumber: null,
            reason: 'Manca il documento',
          },
        );
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect((await t.db.select().from(notificationOutbox)).length).toBe(before);
  });

  it('is simply off in production without IO_API_KEY: only the e-mail is queued, and no error', async () => {
    Object.assign(process.env, { NODE_ENV: 'production', DEMO_MODE: 'false' });
    delete process.env.IO_API_KEY;
    const count = async (channel: string) =>
      (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.channel, channel))).length;
    const [ios, emails] = [await count('io'), await count('email')];
    await enqueueFamilyMessage(
      t.db,
      { email: MARTA_MAIL, codiceFiscale: CF.marta, locale: null },
      'conversion_returned',
      {
        givenName: 'Marta',
        familyName: 'Verdi',
        voucherNumber: 'BS-2020-0003',
        protocolNumber: null,
        reason: 'Manca il documento',
      },
    );
    expect([await count('io'), await count('email')]).toEqual([ios, emails + 1]);
  });

  it('skips a fiscal code IO cannot know (a temporary numeric code)', async () => {
    expect(await enqueueIo(t.db, '12345678901', { subject: 'Oggetto valido', markdown: 'x'.repeat(100) })).toBe(false);
  });

  it('never wrote a fiscal code or a message text to the logs', () => {
    const all = sink.lines.join('\n');
    expect(all).not.toContain(CF.marta);
    expect(all).not.toContain('convalidato');
    expect(all).not.toContain('Caricare il PES');
  });
});
