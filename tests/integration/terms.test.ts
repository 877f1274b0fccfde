import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversions, measureParameters, pes, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { advanceTestClock, now, setTestNow } from '@/lib/clock';
import { isoDate } from '@/lib/domain/dates';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { requestClosing } from '@/lib/services/family/request-closing';
import { sendOtp } from '@/lib/services/family/send-otp';
import { updateLocalFeasts } from '@/lib/services/office/admin/update-local-feasts';
import { returnConversion } from '@/lib/services/office/return-conversion';
import { providerQueues } from '@/db/queries/provider-queues';
import { officeQueue } from '@/db/queries/office/queue';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { officeScope } from '@/lib/auth/office-scope';
import { voucherDeadlines } from '@/lib/domain/deadlines';
import { deadlineText } from '@/lib/i18n/deadline-text';
import { officeQueueQuerySchema } from '@/lib/validation/office-queue';
import { demoActors, seeded } from './support/fixtures';
import { giuliaReadyToSign, lastCodeSentTo } from './support/signing';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 19: each waiting step stores its due date when it starts, from the measure's terms, the national
 * holidays and the office's local feasts; the office's term is suspended by a request for integration and
 * resumes with the days used kept. Time moves through lib/clock, nobody sleeps.
 */
let t: TestDb;
let anna: Actor, giulia: Actor, prv1: Actor, office: Actor;
const GIULIA_MOBILE = '+393470000002';
const DAY = 86_400_000;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  ({ anna, giulia, prv1, office } = await demoActors(t.db));
});
afterAll(() => t.close());
afterEach(() => setTestNow(null));

const day = (d: Date | null) => (d ? isoDate(d) : null);
const pesByCode = async (code: string) => (await t.db.select().from(pes).where(eq(pes.code, code)))[0]!;
const voucherId = async (number: string) =>
  (await t.db.select().from(vouchers).where(eq(vouchers.number, number)))[0]!.id;

describe('due dates stored with each step', () => {
  it('closing, validation, office decision, integration: holidays, the local feast and the Rome day end', async () => {
    // Thursday 25 June 2026; the office adds San Vigilio (Friday 26 June).
    setTestNow('2026-06-25T08:00:00Z');
    await updateLocalFeasts(t.db, office, { feasts: [{ monthDay: '06-26', label: 'San Vigilio' }] });

    const anna1 = await voucherId('BS-2020-0001');
    await requestClosing(t.db, anna, { voucherId: anna1, pesIds: [(await pesByCode('BS-2020-0001/1')).id] });
    const closing = await pesByCode('BS-2020-0001/1');
    // Ten working days from Thursday, skipping San Vigilio and two weekends: Friday 10 July, 23:59:59 in Rome.
    expect(closing.closeDueAt?.toISOString()).toBe('2026-07-10T21:59:59.000Z');

    const { voucherId: giuliaVoucher, pesId } = await giuliaReadyToSign(t.db, giulia, prv1);
    const validated = (await t.db.select().from(pes).where(eq(pes.id, pesId)))[0]!;
    // Five working days: 29, 30 June, 1, 2, 3 July.
    expect(day(validated.validationDueAt)).toBe('2026-07-03');

    await sendOtp(t.db, giulia, { voucherId: giuliaVoucher });
    await confirmSubmission(t.db, giulia, {
      voucherId: giuliaVoucher,
      code: await lastCodeSentTo(t.db, GIULIA_MOBILE),
    });
    const [submitted] = await t.db.select().from(conversions).where(eq(conversions.voucherId, giuliaVoucher));
    // 30 calendar days: Saturday 25 July, so Monday 27 July.
    expect(submitted).toMatchObject({ status: 'submitted', decisionTermDays: 30, decisionDaysUsed: 0 });
    expect(day(submitted!.decisionDueAt)).toBe('2026-07-27');

    // Ten days later the office asks for an integration: 10 days used, the term is suspended.
    advanceTestClock(10 * DAY);
    await returnConversion(t.db, office, { conversionId: submitted!.id, reason: 'Manca la firma del datore.' });
    const [returned] = await t.db.select().from(conversions).where(eq(conversions.id, submitted!.id));
    expect(returned).toMatchObject({ status: 'returned', decisionDaysUsed: 10, decisionDueAt: null });
    expect(returned!.decisionSuspendedAt?.toISOString()).toBe(now().toISOString());
    // The family answers within 10 calendar days: Wednesday 15 July.
    expect(day(returned!.integrationDueAt)).toBe('2026-07-15');

    // Five days later the family signs again: 20 days left from Friday 10 July, Thursday 30 July.
    advanceTestClock(5 * DAY);
    await sendOtp(t.db, giulia, { voucherId: giuliaVoucher });
    await confirmSubmission(t.db, giulia, {
      voucherId: giuliaVoucher,
      code: await lastCodeSentTo(t.db, GIULIA_MOBILE),
    });
    const [resumed] = await t.db.select().from(conversions).where(eq(conversions.id, submitted!.id));
    expect(resumed).toMatchObject({
      status: 'submitted',
      decisionDaysUsed: 10,
      decisionSuspendedAt: null,
      integrationDueAt: null,
    });
    expect(day(resumed!.decisionDueAt)).toBe('2026-07-30');
  });

  it('a changed term applies to steps started after the change, not to those already running', async () => {
    setTestNow('2026-11-02T09:00:00Z');
    await t.db.update(measureParameters).set({ closeTermWorkingDays: 2 });
    const anna1 = await voucherId('BS-2020-0001');
    const before = (await pesByCode('BS-2020-0001/1')).closeDueAt;
    const other = (await t.db.select().from(pes).where(eq(pes.voucherId, anna1))).find(
      (p) => p.status === 'active' && p.kind === 'standard',
    );
    expect(other).toBeDefined();
    await requestClosing(t.db, anna, { voucherId: anna1, pesIds: [other!.id] });
    // Two working days from Monday 2 November: Wednesday 4 November.
    expect(day((await pesByCode(other!.code)).closeDueAt)).toBe('2026-11-04');
    expect((await pesByCode('BS-2020-0001/1')).closeDueAt).toEqual(before);
  });
});

describe('the dates everyone sees', () => {
  it('the seed gives the demo’s waiting steps their due dates', async () => {
    const [marta] = await t.db
      .select()
      .from(conversions)
      .where(eq(conversions.voucherId, await voucherId('BS-2020-0003')));
    expect(marta).toMatchObject({ status: 'submitted', decisionTermDays: 30 });
    expect(marta!.decisionDueAt).not.toBeNull();
  });

  it('the family reads who must act and by when; the office queue filters and sorts by its term', async () => {
    const giuliaVoucher = await voucherId('BS-2020-0002');
    const file = (await getFamilyVoucherFile(t.db, giulia.userId, giuliaVoucher))!;
    setTestNow('2026-07-28T08:00:00Z');
    expect(voucherDeadlines(file.pes, file.conversion, now()).map((d) => deadlineText(d, 'it'))).toEqual([
      'L’ufficio deve decidere entro il 30/07/2026.',
    ]);

    const scope = officeScope(office);
    const codes = async (params: Record<string, string>) =>
      (await officeQueue(t.db, scope, officeQueueQuerySchema.parse(params), now())).rows.map((r) => r.voucherNumber);
    // 28 July: Giulia's term ends on the 30th (in scadenza), Marta's (seeded today) is weeks away.
    expect(await codes({ termine: 'in_scadenza' })).toEqual(['BS-2020-0002']);
    expect(await codes({ termine: 'scaduti' })).toEqual([]);
    expect(await codes({ ordine: 'termine' })).toEqual(['BS-2020-0002', 'BS-2020-0003']);
    // The term order's count walks the due-date index (P3): the same number as the rows it lists.
    const byTerm = await officeQueue(t.db, scope, officeQueueQuerySchema.parse({ ordine: 'termine' }), now());
    expect({ total: byTerm.total, exact: byTerm.totalExact }).toEqual({ total: 2, exact: true });
    setTestNow('2026-07-31T08:00:00Z');
    expect(await codes({ termine: 'scaduti' })).toEqual(['BS-2020-0002']);
    expect(await codes({ termine: 'in_scadenza' })).toEqual([]);
    const [row] = (await officeQueue(t.db, scope, officeQueueQuerySchema.parse({ termine: 'scaduti' }), now())).rows;
    expect(day(row!.decisionDueAt)).toBe('2026-07-30');
  });

  it('the provider’s waiting PES come soonest due first, each with its date', async () => {
    const q = await providerQueues(t.db, prv1.providerId!);
    const due = q.closeRequests.rows.map((r) => r.closeDueAt!.getTime());
    expect(due.length).toBeGreaterThan(0);
    expect([...due].sort((a, b) => a - b)).toEqual(due);
  });
});
