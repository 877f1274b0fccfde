import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox } from '@/db/schema';
import { backoffMs, dispatchOutbox, LEASE_MS } from '@/lib/notifications/dispatch-outbox';
import { SEND_TIMEOUT_MS, senderFor } from '@/lib/notifications/senders';
import { enqueueEmail, enqueueSms } from '@/lib/notifications/enqueue';
import { freshDb, type TestDb } from './support/test-db';

type Seen = { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> };

/** A local stand-in for Resend's API and for an SMS gateway: fails the first `failFirst` calls with 500. */
function fakeProvider(failFirst: number) {
  const seen: Seen[] = [];
  let calls = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      calls++;
      seen.push({
        path: req.url ?? '',
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      });
      res.setHeader('content-type', 'application/json');
      if (calls <= failFirst) {
        res.statusCode = 500;
        res.end(JSON.stringify({ name: 'internal_server_error', message: 'down', statusCode: 500 }));
      } else res.end(JSON.stringify({ id: `msg_${calls}` }));
    });
  });
  return { seen, server, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let t: TestDb;
const env = { ...process.env };
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  process.env = env;
  await t.close();
});

describe('Resend and SMS adapters', () => {
  it('sends e-mail through Resend with the outbox id as idempotency key, retrying after a provider error', async () => {
    const fake = fakeProvider(1);
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    process.env.RESEND_API_KEY = 're_test_key';
    process.env.RESEND_BASE_URL = fake.url();
    try {
      await enqueueEmail(t.db, { to: 'famiglia@example.it', subject: 'PES chiuso', paragraphs: ['Testo'] });
      const now = new Date('2031-01-01T00:00:00Z');
      expect(await dispatchOutbox(t.db, { now })).toEqual({ sent: 0, failed: 1 });
      expect(await dispatchOutbox(t.db, { now: new Date(now.getTime() + backoffMs(1) + 1) })).toEqual({
        sent: 1,
        failed: 0,
      });
      const [row] = await t.db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.recipient, 'famiglia@example.it'));
      expect(row).toMatchObject({ status: 'sent', deliveredVia: 'resend', attempts: 2 });
      expect(fake.seen).toHaveLength(2);
      for (const call of fake.seen) {
        expect(call.path).toBe('/emails');
        expect(call.headers['idempotency-key']).toBe(row!.id);
        expect(call.headers.authorization).toBe('Bearer re_test_key');
        expect(call.body).toMatchObject({ to: 'famiglia@example.it', subject: 'PES chiuso' });
        expect(String(call.body.html)).toMatch(/<html[^>]* lang="it"/);
        expect(String(call.body.text)).toContain('Testo');
      }
    } finally {
      delete process.env.RESEND_API_KEY;
      fake.server.close();
    }
  });

  it('renders the react-email template with every value escaped and sends attachments to Resend', async () => {
    const fake = fakeProvider(0);
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    process.env.RESEND_API_KEY = 're_test_key';
    process.env.RESEND_BASE_URL = fake.url();
    try {
      const pdf = Buffer.from('%PDF-1.7 ricevuta').toString('base64');
      await enqueueEmail(t.db, {
        to: 'allegato@example.it',
        subject: 'Ricevuta <b>MPES</b>',
        paragraphs: ['Gentile <script>alert(1)</script> & "amici",'],
        link: { href: 'https://example.it/a?x=1&y="2"', label: 'Apri' },
        attachments: [
          { filename: 'ricevuta-MPES-2026-000001.pdf', contentType: 'application/pdf', contentBase64: pdf },
        ],
      });
      const [row] = await t.db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.recipient, 'allegato@example.it'));
      expect(row!.htmlBody).not.toContain('<script>');
      expect(row!.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(row!.htmlBody).not.toContain('<b>MPES</b>');
      expect(row!.textBody).toContain('Allegati: ricevuta-MPES-2026-000001.pdf');
      expect(await dispatchOutbox(t.db, { now: new Date('2031-01-02T00:00:00Z') })).toMatchObject({ sent: 1 });
      expect(fake.seen.at(-1)!.body.attachments).toEqual([
        { filename: 'ricevuta-MPES-2026-000001.pdf', content: pdf, content_type: 'application/pdf' },
      ]);
    } finally {
      delete process.env.RESEND_API_KEY;
      fake.server.close();
    }
  });

  it('sends SMS through the configured webhook gateway', async () => {
    const fake = fakeProvider(0);
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    process.env.SMS_WEBHOOK_URL = `${fake.url()}/sms`;
    process.env.SMS_WEBHOOK_TOKEN = 'gateway-token';
    try {
      await enqueueSms(t.db, {
        to: '+393470000001',
        text: 'Codice 123456',
        secret: { values: ['123456'], expiresAt: new Date('2031-02-01T00:03:00Z') },
      });
      expect(await dispatchOutbox(t.db, { now: new Date('2031-02-01T00:00:00Z') })).toEqual({ sent: 1, failed: 0 });
      const [row] = await t.db
        .select()
        .from(notificationOutbox)
        .where(eq(notificationOutbox.recipient, '+393470000001'));
      expect(fake.seen[0]).toMatchObject({ path: '/sms', body: { to: '+393470000001', text: 'Codice 123456' } });
      expect(fake.seen[0]!.headers['idempotency-key']).toBe(row!.id);
      // Delivered in clear, kept redacted: the code is gone from the row.
      expect(row).toMatchObject({ textBody: 'Codice [[segreto:0]]', secrets: null });
      expect(fake.seen[0]!.headers.authorization).toBe('Bearer gateway-token');
    } finally {
      delete process.env.SMS_WEBHOOK_URL;
      delete process.env.SMS_WEBHOOK_TOKEN;
      fake.server.close();
    }
  });

  it('gives up on a provider that never answers, well inside the outbox lease', async () => {
    expect(SEND_TIMEOUT_MS).toBeLessThan(LEASE_MS / 2);
    const hanging = createServer(() => undefined); // accepts the request, never answers
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    const saved = { ...process.env };
    Object.assign(process.env, { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: url, SMS_WEBHOOK_URL: `${url}/sms` });
    try {
      const m = { id: 'm1', recipient: 'x@example.it', subject: 's', textBody: 't', htmlBody: null };
      await expect(senderFor('email', { timeoutMs: 300 }).send({ ...m, channel: 'email' })).rejects.toThrow();
      await expect(senderFor('sms', { timeoutMs: 300 }).send({ ...m, channel: 'sms' })).rejects.toThrow();
    } finally {
      process.env = saved;
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});
