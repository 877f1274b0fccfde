import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, localFeastDays, measureParameters } from '@/db/schema';
import { updateLocalFeastsAction, updateMeasureParametersAction } from '@/lib/actions/office/admin-measures';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
});
afterAll(() => t.close());

const babysitting = async () =>
  (await t.db.select().from(measureParameters).where(eq(measureParameters.measure, 'babysitting_covid')))[0]!;
const form = async (over: Record<string, string> = {}) => {
  const m = await babysitting();
  return {
    measure: 'babysitting_covid',
    opensOn: m.opensOn,
    closesOn: m.closesOn,
    hourlyCapOneChild: '20,00',
    hourlyCapMultiChild: '25,00',
    copayPercent: '10',
    closeTermWorkingDays: String(m.closeTermWorkingDays),
    validateTermWorkingDays: String(m.validateTermWorkingDays),
    decisionTermDays: String(m.decisionTermDays),
    integrationTermDays: String(m.integrationTermDays),
    ...over,
  };
};

describe('measure parameters', () => {
  it('«Anteprima» shows the covered rates before and after and saves nothing', async () => {
    actAs(actors.office);
    const before = await babysitting();
    const r = await updateMeasureParametersAction(
      await form({ intent: 'preview', copayPercent: '20', hourlyCapMultiChild: '30,00' }),
    );
    expect(r).toMatchObject({
      ok: true,
      data: {
        saved: false,
        preview: [
          { children: 'one', before: 1_800, after: 1_600 },
          { children: 'multi', before: 2_250, after: 2_400 },
        ],
      },
    });
    expect(await babysitting()).toEqual(before);
  });

  it('«Salva» writes the values and one audit event with only what changed, before and after', async () => {
    actAs(actors.office);
    const r = await updateMeasureParametersAction(
      await form({ intent: 'save', copayPercent: '12,5', hourlyCapOneChild: '21,00', closesOn: '2027-06-30' }),
    );
    expect(r).toMatchObject({ ok: true, data: { saved: true } });
    const after = await babysitting();
    expect(after).toMatchObject({
      copayBasisPoints: 1_250,
      hourlyCapOneChildCents: 2_100,
      hourlyCapMultiChildCents: 2_500,
      closesOn: '2027-06-30',
    });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'measure.parameters_updated'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: actors.office.userId,
      entityType: 'measure',
      entityId: 'babysitting_covid',
    });
    expect(events[0]!.before).toEqual({
      closesOn: expect.any(String),
      hourlyCapOneChildCents: 2_000,
      copayBasisPoints: 1_000,
    });
    expect(events[0]!.after).toEqual({
      closesOn: '2027-06-30',
      hourlyCapOneChildCents: 2_100,
      copayBasisPoints: 1_250,
    });
  });

  it('saving unchanged values writes no event', async () => {
    actAs(actors.office);
    const m = await babysitting();
    await updateMeasureParametersAction(
      await form({ hourlyCapOneChild: '21,00', copayPercent: '12,5', closesOn: m.closesOn }),
    );
    expect(
      await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'measure.parameters_updated')),
    ).toHaveLength(1);
  });

  it.each([
    ['closing before opening', { opensOn: '2026-12-01', closesOn: '2026-11-30' }, 'closesOn'],
    ['an impossible date', { opensOn: '2026-02-30' }, 'opensOn'],
    ['a negative cap', { hourlyCapOneChild: '-1,00' }, 'hourlyCapOneChild'],
    ['a missing babysitting cap', { hourlyCapMultiChild: '' }, 'hourlyCapMultiChild'],
    ['a share above 100 %', { copayPercent: '100,5' }, 'copayPercent'],
    ['a share below 0 %', { copayPercent: '-5' }, 'copayPercent'],
    ['three decimals in a cap', { hourlyCapOneChild: '20,005' }, 'hourlyCapOneChild'],
    ['a closing term of 0 days', { closeTermWorkingDays: '0' }, 'closeTermWorkingDays'],
    ['a negative validation term', { validateTermWorkingDays: '-3' }, 'validateTermWorkingDays'],
    ['an office term over 365 days', { decisionTermDays: '366' }, 'decisionTermDays'],
    ['a fractional integration term', { integrationTermDays: '7,5' }, 'integrationTermDays'],
    ['an empty integration term', { integrationTermDays: '' }, 'integrationTermDays'],
  ])('refuses %s with a field error and changes nothing', async (_name, over, field) => {
    actAs(actors.office);
    const before = await babysitting();
    const r = await updateMeasureParametersAction(await form(over));
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    if (!r.ok) expect(r.fieldErrors?.[field]).toBeTruthy();
    expect(await babysitting()).toEqual(before);
  });

  it('summer services may have no hourly caps', async () => {
    actAs(actors.office);
    const [m] = await t.db.select().from(measureParameters).where(eq(measureParameters.measure, 'summer_covid'));
    const r = await updateMeasureParametersAction({
      measure: 'summer_covid',
      opensOn: m!.opensOn,
      closesOn: '2027-09-15',
      hourlyCapOneChild: '',
      hourlyCapMultiChild: '',
      copayPercent: '0',
      closeTermWorkingDays: '10',
      validateTermWorkingDays: '5',
      decisionTermDays: '30',
      integrationTermDays: '10',
    });
    expect(r).toMatchObject({ ok: true, data: { saved: true } });
    const [after] = await t.db.select().from(measureParameters).where(eq(measureParameters.measure, 'summer_covid'));
    expect(after).toMatchObject({ closesOn: '2027-09-15', hourlyCapOneChildCents: null });
  });

  it('the terms default to 10 and 5 working days, 30 and 10 calendar days, and are saved with their audit', async () => {
    actAs(actors.office);
    const [summer] = await t.db.select().from(measureParameters).where(eq(measureParameters.measure, 'summer_covid'));
    expect(summer).toMatchObject({
      closeTermWorkingDays: 10,
      validateTermWorkingDays: 5,
      decisionTermDays: 30,
      integrationTermDays: 10,
    });
    const r = await updateMeasureParametersAction(
      await form({ hourlyCapOneChild: '21,00', copayPercent: '12,5', closesOn: '2027-06-30', decisionTermDays: '45' }),
    );
    expect(r).toMatchObject({ ok: true, data: { saved: true } });
    expect(await babysitting()).toMatchObject({ decisionTermDays: 45 });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'measure.parameters_updated'));
    expect(events.at(-1)!.before).toEqual({ decisionTermDays: 30 });
    expect(events.at(-1)!.after).toEqual({ decisionTermDays: 45 });
  });

  it('the office lists local feast days, audited; a wrong line changes nothing and names the line', async () => {
    actAs(actors.office);
    const bad = await updateLocalFeastsAction({ feasts: '26/06 San Vigilio\n31/02 Mai' });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input' });
    if (!bad.ok) expect(bad.fieldErrors?.feasts).toMatch(/Riga 2/);
    expect(await t.db.select().from(localFeastDays)).toEqual([]);

    expect(await updateLocalFeastsAction({ feasts: '26/06 San Vigilio' })).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await updateLocalFeastsAction({ feasts: '26/06   San Vigilio\n' })).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    const rows = await t.db.select().from(localFeastDays);
    expect(rows).toMatchObject([{ monthDay: '06-26', label: 'San Vigilio' }]);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'measure.local_feasts_updated'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: actors.office.userId,
      before: { feasts: [] },
      after: { feasts: [{ monthDay: '06-26', label: 'San Vigilio' }] },
    });
  });

  it('families and providers cannot change the local feast days', async () => {
    actAs(actors.anna);
    expect(await updateLocalFeastsAction({ feasts: '01/01 x' })).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
