import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { overdueStepCounts, type OverdueCounts } from '@/db/queries/overdue-step-counts';
import { conversions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { now, setTestNow } from '@/lib/clock';
import { endOfRomeDay } from '@/lib/domain/terms';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { returnConversion } from '@/lib/services/office/return-conversion';
import {
  createFamilyWithVoucher,
  createProvider,
  createUser,
  type BuiltFamily,
  type BuiltProvider,
} from './support/builders';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 19 item 7: how many steps are overdue now, per step, provider and measure. The clock is moved
 * across each stored due date: a step counts from the first instant after it, a conversion returned for
 * integration is the family's step (the office's term is suspended), a decided one leaves the count.
 */
let t: TestDb;
let office: Actor;
let alfa: BuiltProvider, beta: BuiltProvider;
let decided: BuiltFamily, returned: BuiltFamily;
const SECOND = 1000;
const closingDue = endOfRomeDay('2026-07-03');
const validationDue = endOfRomeDay('2026-07-06');
const officeDue = endOfRomeDay('2026-07-08');

async function submitted(family: BuiltFamily, dueAt: Date) {
  await t.db
    .update(conversions)
    .set({
      submittedAt: new Date('2026-06-08T08:00:00Z'),
      protocolNumber: `MPES-2026-${family.voucher.number.slice(-6)}`,
      decisionTermDays: 30,
      decisionDueAt: dueAt,
    })
    .where(eq(conversions.id, family.conversionId!));
}

const counts = () => overdueStepCounts(t.db, now());
const at = (d: Date, offsetMs = 0) => setTestNow(new Date(d.getTime() + offsetMs));
const steps = (c: OverdueCounts) => Object.fromEntries(c.byStep.map((r) => [r.step, r.total]));

beforeAll(async () => {
  t = await freshDb();
  office = await createUser(t.db, 'office', null, { given: 'Laura', family: 'Bruni' });
  alfa = await createProvider(t.db, { name: 'Alfa Cooperativa' });
  beta = await createProvider(t.db, { name: 'Beta Associazione' });
  // A closing asked before any new service was chosen: no measure yet.
  await createFamilyWithVoucher(t.db, {
    pes: [
      {
        provider: alfa,
        status: 'close_requested',
        closeRequestedAt: new Date('2026-06-19T08:00:00Z'),
        closeDueAt: closingDue,
      },
    ],
  });
  await createFamilyWithVoucher(t.db, {
    pes: [
      {
        provider: beta,
        kind: 'babysitting_covid',
        status: 'awaiting_validation',
        validationRequestedAt: new Date('2026-06-29T08:00:00Z'),
        validationDueAt: validationDue,
      },
    ],
  });
  // The office's term passes with the closing's; the office then decides.
  decided = await createFamilyWithVoucher(t.db, {
    conversion: 'submitted',
    pes: [{ provider: alfa, kind: 'babysitting_covid', status: 'validated' }],
  });
  await submitted(decided, closingDue);
  returned = await createFamilyWithVoucher(t.db, {
    conversion: 'submitted',
    pes: [{ provider: beta, kind: 'summer_covid', status: 'validated' }],
  });
  await submitted(returned, officeDue);
});
afterAll(() => t.close());
afterEach(() => setTestNow(null));

describe('steps overdue now', () => {
  it('a step counts from the instant after its due date, with its provider and measure', async () => {
    at(closingDue);
    expect((await counts()).total).toBe(0);

    at(closingDue, SECOND);
    const c = await counts();
    expect(c.total).toBe(2);
    expect(steps(c)).toEqual({ closing: 1, validation: 0, decision: 1, integration: 0 });
    expect(c.byStep.find((r) => r.step === 'closing')).toMatchObject({ none: 1, babysitting: 0 });
    expect(c.byStep.find((r) => r.step === 'decision')).toMatchObject({ babysitting: 1, none: 0 });
    expect(c.byProvider).toEqual([{ providerId: alfa.id, name: alfa.name, closing: 1, validation: 0, total: 1 }]);
  });

  it('a decided conversion leaves the count', async () => {
    at(closingDue, 60 * SECOND);
    await approveConversion(t.db, office, { conversionId: decided.conversionId! });
    expect(steps(await counts())).toEqual({ closing: 1, validation: 0, decision: 0, integration: 0 });
  });

  it('the validation joins its provider and measure when its own term passes', async () => {
    at(validationDue);
    expect(steps(await counts()).validation).toBe(0);
    at(validationDue, SECOND);
    const c = await counts();
    expect(c.byStep.find((r) => r.step === 'validation')).toMatchObject({ babysitting: 1, total: 1 });
    expect(c.byProvider.map((p) => [p.name, p.closing, p.validation])).toEqual([
      ['Alfa Cooperativa', 1, 0],
      ['Beta Associazione', 0, 1],
    ]);
  });

  it('returned for integration: not the office’s delay, the family’s once its answer is late', async () => {
    at(new Date('2026-07-07T08:00:00Z'));
    await returnConversion(t.db, office, { conversionId: returned.conversionId!, reason: 'Manca il documento.' });
    const [row] = await t.db.select().from(conversions).where(eq(conversions.id, returned.conversionId!));
    expect(row!.decisionDueAt).toBeNull();

    at(officeDue, SECOND);
    expect(steps(await counts())).toMatchObject({ decision: 0, integration: 0 });

    at(row!.integrationDueAt!);
    expect(steps(await counts()).integration).toBe(0);
    at(row!.integrationDueAt!, SECOND);
    const c = await counts();
    expect(c.byStep.find((r) => r.step === 'integration')).toMatchObject({ summer: 1, total: 1 });
    expect(steps(c)).toEqual({ closing: 1, validation: 1, decision: 0, integration: 1 });
    expect(c.total).toBe(3);
    // The family's step is nobody's among the providers.
    expect(c.byProvider.reduce((s, p) => s + p.total, 0)).toBe(2);
  });
});
