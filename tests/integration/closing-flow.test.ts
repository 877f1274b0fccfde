import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, conversions, notificationOutbox, pes, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requestClosingAction } from '@/lib/actions/family/request-closing';
import { closePesAction } from '@/lib/actions/provider/close-pes';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { requestClosing } from '@/lib/services/family/request-closing';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let anna: Actor, giulia: Actor, prv1: Actor, prv2: Actor, prv3: Actor;
let annaVoucher: string;
let pesByCode: Map<string, string>;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  ({ anna, giulia, prv1, prv2, prv3 } = await demoActors(t.db));
  const [v] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
  annaVoucher = v!.id;
  pesByCode = new Map((await t.db.select().from(pes)).map((p) => [p.code, p.id]));
});
afterAll(() => t.close());

const id = (code: string) => pesByCode.get(code)!;
const statusOf = async (code: string) =>
  (
    await t.db
      .select()
      .from(pes)
      .where(eq(pes.id, id(code)))
  )[0]!.status;

describe('close requests and closing (guide §3.1)', () => {
  it('refuses a family acting on another family’s voucher or PES, changing nothing', async () => {
    actAs(giulia);
    const foreign = await requestClosingAction({ voucherId: annaVoucher, pesIds: [id('BS-2020-0001/1')] });
    expect(foreign).toMatchObject({ ok: false, code: 'not_found' });
    actAs(anna);
    const mixed = await requestClosingAction({
      voucherId: annaVoucher,
      pesIds: [id('BS-2020-0001/1'), id('BS-2020-0002/1')],
    });
    expect(mixed).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(await statusOf('BS-2020-0001/1')).toBe('active');
    expect(await t.db.select().from(conversions).where(eq(conversions.voucherId, annaVoucher))).toHaveLength(0);
  });

  it('refuses extra fields, an empty selection and other roles', async () => {
    actAs(anna);
    expect(
      await requestClosingAction({ voucherId: annaVoucher, pesIds: [id('BS-2020-0001/1')], status: 'closed' }),
    ).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await requestClosingAction({ voucherId: annaVoucher, pesIds: [] })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    actAs(prv1);
    expect(await requestClosingAction({ voucherId: annaVoucher, pesIds: [id('BS-2020-0001/1')] })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    actAs(null);
    expect(await requestClosingAction({ voucherId: annaVoucher, pesIds: [id('BS-2020-0001/1')] })).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    });
    expect(await statusOf('BS-2020-0001/1')).toBe('active');
  });

  it('creates one conversion even under concurrent clicks, moves the PES and e-mails each provider once', async () => {
    const all = ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'].map(id);
    const results = await Promise.allSettled([
      requestClosing(t.db, anna, { voucherId: annaVoucher, pesIds: all }),
      requestClosing(t.db, anna, { voucherId: annaVoucher, pesIds: all }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'invalid_state' } });
    expect(await t.db.select().from(conversions).where(eq(conversions.voucherId, annaVoucher))).toHaveLength(1);
    for (const code of ['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'])
      expect(await statusOf(code)).toBe('close_requested');

    const mails = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.channel, 'email'));
    const toProviders = mails.filter((m) => m.subject.startsWith('Richiesta di chiusura PES'));
    expect(toProviders.map((m) => m.recipient).sort()).toEqual([
      'nido@lecoccinelle.example.it',
      'segreteria@estateragazzi.example.it',
      'servizi@ilgermoglio.example.it',
    ]);
    const germoglio = toProviders.find((m) => m.recipient === 'servizi@ilgermoglio.example.it')!;
    expect(germoglio.textBody).toContain('BS-2020-0001/1');
    expect(germoglio.textBody).not.toContain('BS-2020-0001/2');
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'pes.close_requested'), eq(auditEvents.entityId, annaVoucher)));
    expect(events).toHaveLength(3);
  });

  it('lets a provider close only its own PES, within the charged amount', async () => {
    actAs(prv1);
    const foreign = await closePesAction({ pesId: id('BS-2020-0001/2'), usedAmount: '100,00', hoursUsed: '10' });
    expect(foreign).toMatchObject({ ok: false, code: 'not_found' });
    expect(await statusOf('BS-2020-0001/2')).toBe('close_requested');
    const tooMuch = await closePesAction({ pesId: id('BS-2020-0001/1'), usedAmount: '1.800,01', hoursUsed: '10' });
    expect(tooMuch).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: { usedAmount: expect.stringContaining('1.800,00') },
    });
    const badMoney = await closePesAction({ pesId: id('BS-2020-0001/1'), usedAmount: '12,345', hoursUsed: '10' });
    expect(badMoney).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await statusOf('BS-2020-0001/1')).toBe('close_requested');
  });

  it('closes the three PES and the importo utilizzabile becomes exactly 3.282,45 €', async () => {
    actAs(prv1);
    expect(await closePesAction({ pesId: id('BS-2020-0001/1'), usedAmount: '300,00', hoursUsed: '20' })).toMatchObject({
      ok: true,
      data: { freedCents: 150_000 },
    });
    actAs(prv2);
    expect(await closePesAction({ pesId: id('BS-2020-0001/2'), usedAmount: '417,55', hoursUsed: '28' })).toMatchObject({
      ok: true,
      data: { freedCents: 108_245 },
    });
    // A concurrent double close by the third provider: one change, one clear refusal.
    const both = await Promise.all([
      closePes(t.db, prv3, { pesId: id('BS-2020-0001/3'), usedCents: 20_000, hoursUsed: 13 }).then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
      closePes(t.db, prv3, { pesId: id('BS-2020-0001/3'), usedCents: 20_000, hoursUsed: 13 }).then(
        () => 'ok',
        (e: { code: string }) => e.code,
      ),
    ]);
    expect(both.sort()).toEqual(['invalid_state', 'ok']);

    const file = await getFamilyVoucherFile(t.db, anna.userId, annaVoucher);
    expect(file!.freedCents).toBe(328_245);
    expect(file!.residualCents).toBe(328_245);
    const closedMails = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'anna.rossi@example.it'));
    expect(closedMails.filter((m) => m.subject.startsWith('PES BS-2020-0001/'))).toHaveLength(3);
    const closedEvents = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'pes.closed'), eq(auditEvents.entityId, annaVoucher)));
    expect(closedEvents).toHaveLength(3);
  });

  it('the family cannot load another family’s voucher file', async () => {
    expect(await getFamilyVoucherFile(t.db, giulia.userId, annaVoucher)).toBeNull();
  });
});
