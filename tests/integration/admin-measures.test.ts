import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, measureParameters } from '@/db/schema';
import { updateMeasureParametersAction } from '@/lib/actions/office/admin-measures';
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
    });
    expect(r).toMatchObject({ ok: true, data: { saved: true } });
    const [after] = await t.db.select().from(measureParameters).where(eq(measureParameters.measure, 'summer_covid'));
    expect(after).toMatchObject({ closesOn: '2027-09-15', hourlyCapOneChildCents: null });
  });
});
