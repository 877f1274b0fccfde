import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { dispatchOutbox } from '@/lib/notifications/dispatch-outbox';
import { devOutboxFor } from '@/lib/notifications/dev-outbox';
import { enqueueEmail, enqueueSms } from '@/lib/notifications/enqueue';
import { enqueueIo } from '@/lib/notifications/enqueue-io';
import { REDACTED } from '@/lib/notifications/outbox-secrets';
import { devSink, type Sender } from '@/lib/notifications/senders';
import { requestPasswordReset } from '@/lib/services/account/request-password-reset';
import { sendOtp } from '@/lib/services/family/send-otp';
import { CF, demoActors, seeded } from './support/fixtures';
import { giuliaReadyToSign, lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let a: Record<keyof typeof CF, Actor>;
let giuliaMobile: string;
let code: string;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  a = await demoActors(t.db);
  const { voucherId } = await giuliaReadyToSign(t.db, a.giulia, a.prv1);
  await sendOtp(t.db, a.giulia, { voucherId });
  [{ mobile: giuliaMobile }] = (await t.db
    .select({ mobile: users.mobile })
    .from(users)
    .where(eq(users.id, a.giulia.userId))) as [{ mobile: string }];
  code = await lastCodeSentTo(t.db, giuliaMobile);
  await requestPasswordReset(
    t.db,
    { givenName: 'Paolo', familyName: 'Gallo', codiceFiscale: CF.prv2, ip: null },
    { baseUrl: 'https://buoni.example.it' },
  );
});
afterAll(() => t.close());

const bodies = (rows: { body: string }[] | null) => (rows ?? []).map((r) => r.body).join('\n');

describe('development mailbox (/dev/outbox): who reads what', () => {
  it('shows a visitor who is not signed in nothing at all', async () => {
    expect(await devOutboxFor(t.db, null)).toBeNull();
  });

  it('shows a family only the messages addressed to its own e-mail or mobile number, with the code while it waits', async () => {
    const giulia = await devOutboxFor(t.db, a.giulia);
    expect(bodies(giulia)).toContain(`è ${code}.`);
    const own = await t.db
      .select({ email: users.email, mobile: users.mobile })
      .from(users)
      .where(eq(users.id, a.giulia.userId));
    for (const m of giulia!) expect([own[0]!.email.toLowerCase(), own[0]!.mobile]).toContain(m.recipient.toLowerCase());

    const anna = await devOutboxFor(t.db, a.anna);
    expect(bodies(anna)).not.toContain(code);
    expect(bodies(anna)).not.toContain('#token=');
    expect(anna!.some((m) => m.recipient === giuliaMobile)).toBe(false);
  });

  it('shows a provider clerk no family SMS and no other account’s reset link', async () => {
    const clerk = await devOutboxFor(t.db, a.prv1);
    expect(clerk!.length).toBeGreaterThan(0); // Il Germoglio's validation request
    expect(bodies(clerk)).not.toContain(code);
    expect(bodies(clerk)).not.toContain('#token=');
  });

  it('shows the office every message, codes and links included while they wait', async () => {
    const office = await devOutboxFor(t.db, a.office);
    expect(bodies(office)).toContain(`è ${code}.`);
    expect(bodies(office)).toMatch(/password-smarrita\/nuova#token=[A-Za-z0-9_-]{22,}/);
  });

  it('after a real provider delivered them, shows the messages without their codes', async () => {
    const provider: Sender = { name: 'fake', send: async () => undefined };
    await dispatchOutbox(t.db, { now: new Date(Date.now() + 1_000), senders: () => provider, batch: 500 });
    const office = bodies(await devOutboxFor(t.db, a.office));
    expect(office).not.toContain(code);
    expect(office).not.toMatch(/#token=[A-Za-z0-9_-]{16,}/);
    expect(office).toContain(REDACTED);
  });

  it('after the development sink delivered it, still shows its recipient the code (kept in memory, not in the database)', async () => {
    const expiresAt = new Date(Date.now() + 180_000);
    await enqueueSms(t.db, {
      to: giuliaMobile,
      text: 'Il codice per firmare è 424242.',
      secret: { values: ['424242'], expiresAt },
    });
    await enqueueEmail(t.db, { to: 'nessuno@example.it', subject: 'Altro', paragraphs: ['Niente di segreto'] });
    await dispatchOutbox(t.db, { now: new Date(Date.now() + 2_000), senders: () => devSink, batch: 500 });
    const rows = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.recipient, giuliaMobile));
    expect(rows.every((r) => r.status === 'sent' && r.secrets === null && !r.textBody.includes('424242'))).toBe(true);
    expect(bodies(await devOutboxFor(t.db, a.giulia))).toContain('è 424242.');
    expect(bodies(await devOutboxFor(t.db, a.anna))).not.toContain('424242');
    // Once the code has expired, not even the memory shows it.
    expect(bodies(await devOutboxFor(t.db, a.giulia, new Date(expiresAt.getTime() + 1)))).not.toContain('424242');
  });

  it('shows a family its own App IO messages (addressed by fiscal code), and the sink refuses what IO would refuse', async () => {
    const markdown = `Gentile famiglia,\n\n${'un messaggio di prova su App IO che supera gli ottanta caratteri. '.repeat(2)}`;
    await enqueueIo(t.db, CF.giulia, { subject: 'Messaggio App IO per Giulia', markdown });
    await enqueueIo(t.db, CF.anna, { subject: 'Messaggio App IO per Anna', markdown });
    await enqueueIo(t.db, CF.giulia, { subject: 'Troppo corto per IO', markdown: 'Breve.' });
    await dispatchOutbox(t.db, { now: new Date(Date.now() + 3_000), senders: () => devSink, batch: 500 });
    const giulia = (await devOutboxFor(t.db, a.giulia))!.filter((m) => m.channel === 'io');
    expect(giulia.map((m) => [m.subject, m.status]).sort()).toEqual([
      ['Messaggio App IO per Giulia', 'sent'],
      ['Troppo corto per IO', 'failed'],
    ]);
    expect(giulia.find((m) => m.status === 'failed')!.lastError).toMatch(/testo di 6 caratteri/);
    const anna = (await devOutboxFor(t.db, a.anna))!.filter((m) => m.channel === 'io');
    expect(anna.map((m) => m.subject)).toEqual(['Messaggio App IO per Anna']);
    expect((await devOutboxFor(t.db, a.prv1))!.some((m) => m.channel === 'io')).toBe(false);
  });
});
