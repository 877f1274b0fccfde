import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, notificationOutbox } from '@/db/schema';
import { backoffMs, dispatchOutbox, MAX_ATTEMPTS } from '@/lib/notifications/dispatch-outbox';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { devSink, senderFor, type OutgoingMessage, type Sender } from '@/lib/notifications/senders';
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
    expect(
      await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.recipient, 'rollback@example.it')),
    ).toHaveLength(0);
  });

  it('retries with backoff while the provider fails, then delivers exactly once', async () => {
    await enqueueEmail(t.db, { to: 'retry@example.it', subject: 'Prova', paragraphs: ['Testo con <tag>'] });
    const { sender, delivered } = flakySender(2);
    const t0 = new Date('2030-01-01T00:00:00Z');
    expect(await dispatchOutbox(t.db, { now: t0, senders: () => sender })).toMatchObject({ failed: 1 });
    // Not due yet: nothing is attempted before the backoff elapses.
    expect(await dispatchOutbox(t.db, { now: new Date(t0.getTime() + 1000), senders: () => sender })).toEqual({
      sent: 0,
      failed: 0,
    });
    const t1 = new Date(t0.getTime() + backoffMs(1) + 1);
    expect(await dispatchOutbox(t.db, { now: t1, senders: () => sender })).toMatchObject({ failed: 1 });
    const t2 = new Date(t1.getTime() + backoffMs(2) + 1);
    expect(await dispatchOutbox(t.db, { now: t2, senders: () => sender })).toMatchObject({ sent: 1 });
    expect(await dispatchOutbox(t.db, { now: new Date(t2.getTime() + 3_600_000), senders: () => sender })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(delivered).toHaveLength(1);
    const [row] = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'retry@example.it'));
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(delivered[0]!.id).toBe(row!.id); // the idempotency key
    expect(row!.htmlBody).toContain('Testo con &lt;tag&gt;');
  });

  it('abandons a message after its last retry and records it in the audit log, without address or body', async () => {
    await enqueueEmail(t.db, { to: 'abandon@example.it', subject: 'Mai recapitato', paragraphs: ['Segreto'] });
    const { sender } = flakySender(1_000);
    let at = new Date('2032-01-01T00:00:00Z');
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await dispatchOutbox(t.db, { now: at, senders: () => sender })).toMatchObject({ failed: 1 });
      at = new Date(at.getTime() + backoffMs(i) + 1);
    }
    const [row] = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'abandon@example.it'));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notification.abandoned'), eq(auditEvents.entityId, row!.id)));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toContain('abandon@example.it');
    expect(JSON.stringify(events[0])).not.toContain('Segreto');
    expect(await dispatchOutbox(t.db, { now: new Date(at.getTime() + 86_400_000), senders: () => sender })).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('never falls back to the development sink in production, and the sink logs no address', async () => {
    const env = { ...process.env };
    try {
      Object.assign(process.env, { NODE_ENV: 'production', DEMO_MODE: 'false' });
      delete process.env.RESEND_API_KEY;
      const sender = senderFor('email');
      expect(sender.name).not.toBe('dev');
      await expect(
        sender.send({
          id: 'x',
          channel: 'email',
          recipient: 'a@example.it',
          subject: 's',
          textBody: 't',
          htmlBody: null,
        }),
      ).rejects.toThrow();
      process.env.DEMO_MODE = '1';
      expect(senderFor('email').name).toBe('dev');
    } finally {
      process.env = env;
    }
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await devSink.send({
      id: 'id-1',
      channel: 'email',
      recipient: 'privato@example.it',
      subject: 'Oggetto',
      textBody: 'corpo',
      htmlBody: null,
    });
    expect(info.mock.calls.flat().join(' ')).not.toContain('privato@example.it');
    info.mockRestore();
  });
});
