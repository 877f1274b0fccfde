import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/open';
import { auditEvents, notificationOutbox } from '@/db/schema';
import { dispatchOutbox, MAX_ATTEMPTS, backoffMs } from '@/lib/notifications/dispatch-outbox';
import type { OutgoingMessage, Sender } from '@/lib/notifications/senders';
import { createUser } from '@/lib/services/account/create-user';
import { requestPasswordReset } from '@/lib/services/account/request-password-reset';
import { sendOtp } from '@/lib/services/family/send-otp';
import { CF, demoActors, seeded } from './support/fixtures';
import { withCheckChar } from './support/import-csv';
import { giuliaReadyToSign } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
});
afterAll(() => t.close());

/** Every table and every text, json or bytea column of the database that holds `needle`, as "table.column". */
async function columnsHolding(db: Db, needle: string): Promise<string[]> {
  const res = await db.execute<{ table_name: string; column_name: string; data_type: string }>(sql`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea', 'ARRAY')`);
  const cols = (Array.isArray(res) ? res : (res as unknown as { rows: typeof res }).rows) as Array<{
    table_name: string;
    column_name: string;
    data_type: string;
  }>;
  expect(cols.length).toBeGreaterThan(20);
  const hits: string[] = [];
  for (const c of cols) {
    const col = sql.identifier(c.column_name);
    const condition =
      c.data_type === 'bytea'
        ? sql`position(convert_to(${needle}, 'UTF8') in ${col}) > 0`
        : sql`strpos(${col}::text, ${needle}) > 0`;
    const found = await db.execute(sql`select 1 from ${sql.identifier(c.table_name)} where ${condition} limit 1`);
    const rows = Array.isArray(found) ? found : (found as unknown as { rows: unknown[] }).rows;
    if (rows.length > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

/** A provider that receives every message in clear, and fails while `down` is set (the message stays pending). */
function recordingSender() {
  const seen: OutgoingMessage[] = [];
  const s = { down: true, seen, sender: undefined as unknown as Sender };
  s.sender = {
    name: 'fake',
    async send(m) {
      seen.push(m);
      if (s.down) throw new Error('provider down');
    },
  };
  return s;
}

const secretIn = (m: OutgoingMessage | undefined, re: RegExp) => re.exec(m?.textBody ?? '')?.[1];

describe('secrets in the notification outbox (OTP codes, activation and reset links)', () => {
  it('never stores the code or the token in clear: not while pending, not after delivery', async () => {
    const { giulia, prv1 } = await demoActors(t.db);
    const { voucherId } = await giuliaReadyToSign(t.db, giulia, prv1);
    await sendOtp(t.db, giulia, { voucherId });
    await requestPasswordReset(
      t.db,
      { givenName: 'Paolo', familyName: 'Gallo', codiceFiscale: CF.prv2, ip: null },
      { baseUrl: 'https://buoni.example.it' },
    );
    await createUser(
      t.db,
      {
        role: 'office',
        codiceFiscale: 'RSSMRA80A01L378S',
        email: 'segreti.ufficio@provincia.tn.example.it',
        givenName: 'Mario',
        familyName: 'Rossi',
      },
      { baseUrl: 'https://buoni.example.it' },
    );

    // The provider is down: every message is attempted (so we learn its secrets) and stays pending.
    const p = recordingSender();
    const t0 = new Date(Date.now() + 1_000);
    await dispatchOutbox(t.db, { now: t0, senders: () => p.sender, batch: 100 });
    const code = secretIn(
      p.seen.find((m) => m.channel === 'sms'),
      /è (\d{6})\./,
    );
    const resetToken = secretIn(
      p.seen.find((m) => m.textBody.includes('/password-smarrita/nuova#token=')),
      /#token=([A-Za-z0-9_-]+)/,
    );
    const activationToken = secretIn(
      p.seen.find((m) => m.recipient === 'segreti.ufficio@provincia.tn.example.it'),
      /\/attivazione#token=([A-Za-z0-9_-]+)/,
    );
    expect(code).toMatch(/^\d{6}$/);
    expect(resetToken?.length).toBeGreaterThanOrEqual(22);
    expect(activationToken?.length).toBeGreaterThanOrEqual(22);
    // The e-mail's HTML part carries the same link, substituted at delivery.
    expect(p.seen.find((m) => m.textBody.includes(resetToken!))?.htmlBody).toContain(`#token=${resetToken}`);
    for (const secret of [code!, resetToken!, activationToken!]) expect(await columnsHolding(t.db, secret)).toEqual([]);

    // The provider recovers: delivered in clear, and still nowhere in the database.
    p.down = false;
    p.seen.length = 0;
    await dispatchOutbox(t.db, { now: new Date(t0.getTime() + backoffMs(1) + 1), senders: () => p.sender, batch: 100 });
    expect(p.seen.some((m) => m.textBody.includes(`è ${code}.`))).toBe(true);
    expect(p.seen.some((m) => m.textBody.includes(resetToken!))).toBe(true);
    for (const secret of [code!, resetToken!, activationToken!]) expect(await columnsHolding(t.db, secret)).toEqual([]);
    const left = await t.db.execute(sql`select count(*)::int as n from notification_outbox where secrets is not null`);
    expect((Array.isArray(left) ? left : (left as unknown as { rows: Array<{ n: number }> }).rows)[0]).toMatchObject({
      n: 0,
    });
  });

  it('erases the secret of a message abandoned after its last attempt', async () => {
    await createUser(
      t.db,
      {
        role: 'office',
        codiceFiscale: withCheckChar('VRDGPP75C10L378'),
        email: 'abbandonato@provincia.tn.example.it',
        givenName: 'Laura',
        familyName: 'Bianchi',
      },
      { baseUrl: 'https://buoni.example.it' },
    );
    const p = recordingSender();
    let at = new Date(Date.now() + 2_000);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await dispatchOutbox(t.db, { now: at, senders: () => p.sender, batch: 100 });
      at = new Date(at.getTime() + backoffMs(i) + 1);
    }
    const mine = p.seen.filter((m) => m.recipient === 'abbandonato@provincia.tn.example.it');
    expect(mine).toHaveLength(MAX_ATTEMPTS);
    const token = secretIn(mine[0], /#token=([A-Za-z0-9_-]+)/);
    expect(token?.length).toBeGreaterThanOrEqual(22);
    const [row] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, mine[0]!.id));
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, secrets: null });
    expect(row!.textBody).toContain('#token=[[segreto:0]]');
    expect(await columnsHolding(t.db, token!)).toEqual([]);
  });

  it('abandons a message whose code expired before it could be sent, and erases the code', async () => {
    await requestPasswordReset(
      t.db,
      { givenName: 'Francesco', familyName: 'Marini', codiceFiscale: CF.prv3, ip: null },
      { baseUrl: 'https://buoni.example.it' },
    );
    const p = recordingSender();
    const t0 = new Date(Date.now() + 3_000);
    await dispatchOutbox(t.db, { now: t0, senders: () => p.sender, batch: 100 });
    const mail = p.seen.find((m) => m.textBody.includes('Francesco'));
    const token = secretIn(mail, /#token=([A-Za-z0-9_-]+)/);
    expect(token?.length).toBeGreaterThanOrEqual(22);
    p.down = false;
    p.seen.length = 0;
    await dispatchOutbox(t.db, { now: new Date(t0.getTime() + 61 * 60_000), senders: () => p.sender, batch: 100 });
    expect(p.seen.filter((m) => m.id === mail!.id)).toEqual([]);
    const [row] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.id, mail!.id));
    expect(row).toMatchObject({ status: 'failed', secrets: null, lastError: expect.stringContaining('scaduto') });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notification.abandoned'), eq(auditEvents.entityId, mail!.id)));
    expect(events).toHaveLength(1);
    expect(await columnsHolding(t.db, token!)).toEqual([]);
  });
});
