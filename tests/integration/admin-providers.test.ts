import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providersForMeasure, providerJoined } from '@/db/queries/measures';
import { auditEvents, pes, providerMeasures, providers } from '@/db/schema';
import { saveProviderAction } from '@/lib/actions/office/admin-providers';
import { saveProvider } from '@/lib/services/office/admin/save-provider';
import { providerSchema } from '@/lib/validation/admin';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded, TODAY } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
let prv1: typeof providers.$inferSelect;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
  prv1 = (await t.db.select().from(providers).where(eq(providers.code, 'PRV1')))[0]!;
});
afterAll(() => t.close());

const form = (over: Record<string, unknown> = {}) => ({
  name: 'Asilo Nido Il Girasole',
  taxCode: '00337460224',
  email: 'girasole@example.it',
  bands: ['A', 'B'],
  summerJoined: 'on',
  summerFrom: '2026-11-01',
  ...over,
});
const parse = (input: Record<string, unknown>) => providerSchema.parse(input);
const now = new Date(`${TODAY}T10:00:00Z`);

describe('providers', () => {
  it('creates a provider with the next code, its bands and measures, and an audit event', async () => {
    const { providerId } = await saveProvider(t.db, actors.office, parse(form()), { now });
    const [row] = await t.db.select().from(providers).where(eq(providers.id, providerId));
    expect(row).toMatchObject({ code: 'PRV4', name: 'Asilo Nido Il Girasole', taxCode: '00337460224' });
    expect(await providersForMeasure(t.db, 'summer_covid', TODAY)).toContainEqual({
      id: providerId,
      name: 'Asilo Nido Il Girasole',
    });
    expect(await providerJoined(t.db, providerId, 'babysitting_covid', TODAY)).toBe(false);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'provider.created'), eq(auditEvents.entityId, providerId)));
    expect(event?.after).toMatchObject({
      bands: ['A', 'B'],
      measures: [{ measure: 'summer_covid', joinedOn: '2026-11-01', leftOn: null }],
    });
  });

  it('is offered only from the day it joins', async () => {
    const { providerId } = await saveProvider(
      t.db,
      actors.office,
      parse(form({ name: 'Futuro', taxCode: '09876543217', summerFrom: '2026-12-15' })),
      { now },
    );
    expect(await providerJoined(t.db, providerId, 'summer_covid', TODAY)).toBe(false);
    expect(await providerJoined(t.db, providerId, 'summer_covid', '2026-12-15')).toBe(true);
  });

  it.each([
    ['a wrong check digit', { taxCode: '00337460225' }, 'taxCode'],
    ['a malformed e-mail', { email: 'girasole-at-example' }, 'email'],
    ['no band', { bands: [] }, 'bands'],
    ['a measure without the joining date', { babysittingJoined: 'on' }, 'babysittingFrom'],
    ['an exit before the joining date', { summerUntil: '2026-10-01' }, 'summerUntil'],
    ['an unknown field', { status: 'active' }, null],
  ])('refuses %s and changes nothing', async (_name, over, field) => {
    const before = await t.db.select().from(providers);
    actAs(actors.office);
    const r = await saveProviderAction(form({ name: 'Rifiutato', ...over }));
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    if (field && !r.ok) expect(r.fieldErrors?.[field]).toBeTruthy();
    expect(await t.db.select().from(providers)).toHaveLength(before.length);
  });

  it('refuses a second provider with the same tax code', async () => {
    await expect(saveProvider(t.db, actors.office, parse(form({ name: 'Doppione' })), { now })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('a provider leaving a measure disappears from the drop-down for new PES; its existing PES stay', async () => {
    const pesBefore = await t.db.select().from(pes).where(eq(pes.providerId, prv1!.id));
    expect((await providersForMeasure(t.db, 'babysitting_covid', TODAY)).map((p) => p.id)).toContain(prv1!.id);
    await saveProvider(
      t.db,
      actors.office,
      parse({
        providerId: prv1!.id,
        name: prv1!.name,
        taxCode: '01234560223',
        email: prv1!.email,
        bands: ['A', 'B', 'C'],
        summerJoined: 'on',
        summerFrom: '2026-10-26',
      }),
      { now },
    );
    expect((await providersForMeasure(t.db, 'babysitting_covid', TODAY)).map((p) => p.id)).not.toContain(prv1!.id);
    expect(await providerJoined(t.db, prv1!.id, 'babysitting_covid', TODAY)).toBe(false);
    expect(await providerJoined(t.db, prv1!.id, 'summer_covid', TODAY)).toBe(true);
    const [membership] = await t.db
      .select()
      .from(providerMeasures)
      .where(and(eq(providerMeasures.providerId, prv1!.id), eq(providerMeasures.measure, 'babysitting_covid')));
    expect(membership?.leftOn).toBe(TODAY);
    expect(await t.db.select().from(pes).where(eq(pes.providerId, prv1!.id))).toEqual(pesBefore);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'provider.updated'), eq(auditEvents.entityId, prv1!.id)));
    expect(event?.before).toMatchObject({
      measures: [{ measure: 'babysitting_covid', leftOn: null }, { measure: 'summer_covid' }],
    });
    expect(event?.after).toMatchObject({
      taxCode: '01234560223',
      measures: [
        { measure: 'babysitting_covid', leftOn: TODAY },
        { measure: 'summer_covid', leftOn: null },
      ],
    });
  });

  it('joins again with a new date', async () => {
    await saveProvider(
      t.db,
      actors.office,
      parse({
        providerId: prv1!.id,
        name: prv1!.name,
        taxCode: '01234560223',
        email: prv1!.email,
        bands: ['A', 'B', 'C'],
        babysittingJoined: 'on',
        babysittingFrom: TODAY,
        summerJoined: 'on',
        summerFrom: '2026-10-26',
      }),
      { now },
    );
    expect(await providerJoined(t.db, prv1!.id, 'babysitting_covid', TODAY)).toBe(true);
  });

  it('is refused to families and providers by the service too', async () => {
    await expect(
      saveProvider(t.db, actors.prv1, parse(form({ name: 'Xy', taxCode: '05555555555' }))),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      saveProvider(t.db, actors.anna, parse(form({ name: 'Xy', taxCode: '05555555555' }))),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
