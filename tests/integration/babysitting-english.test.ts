import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pes, providers, users, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import {
  declareEmploymentAction,
  deleteNewPesAction,
  requestValidationAction,
  saveBabysittingPesAction,
} from '@/lib/actions/family/babysitting';
import type { Actor } from '@/lib/auth/actor';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { requestClosing } from '@/lib/services/family/request-closing';
import { closePes } from '@/lib/services/provider/close-pes';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

// Issue 21: a family that reads English gets the babysitting forms' refusals in English, and nothing is stored.
let t: TestDb;
let anna: Actor, giulia: Actor;
const ids = { anna: '', giulia: '', luca: '', prv1: '' };

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  const actors = await demoActors(t.db);
  ({ anna, giulia } = actors);
  await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, anna.userId));
  const vs = await t.db.select().from(vouchers);
  ids.anna = vs.find((v) => v.number === 'BS-2020-0001')!.id;
  ids.giulia = vs.find((v) => v.number === 'BS-2020-0002')!.id;
  ids.prv1 = (await t.db.select().from(providers)).find((p) => p.code === 'PRV1')!.id;
  const file = (await getFamilyVoucherFile(t.db, anna.userId, ids.anna))!;
  ids.luca = file.children[0]!.id;
  // Anna's closing journey: 3.282,45 € freed.
  await requestClosing(t.db, anna, { voucherId: ids.anna, pesIds: file.standardPes.map((p) => p.id) });
  const used: Record<string, [Actor, number]> = {
    'BS-2020-0001/1': [actors.prv1, 30_000],
    'BS-2020-0001/2': [actors.prv2, 41_755],
    'BS-2020-0001/3': [actors.prv3, 20_000],
  };
  for (const p of file.standardPes)
    await closePes(t.db, used[p.code]![0], { pesId: p.id, usedCents: used[p.code]![1], hoursUsed: 0 });
});
afterAll(() => t.close());

const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) fd.append(k, x);
  return fd;
};
const newPesCount = async () => (await t.db.select().from(pes).where(eq(pes.voucherId, ids.anna))).length;

describe('the babysitting actions answer an English-reading family in English', () => {
  it('field errors of the new-PES form, from the shared rules (FamilyPesRules)', async () => {
    actAs(anna);
    const before = await newPesCount();
    const r = await saveBabysittingPesAction(null, form({ voucherId: ids.anna, providerId: '', hours: '4,5' }));
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: 'Some details are not valid: correct the fields shown and try again.',
      fieldErrors: {
        childIds: 'Select at least one child.',
        providerId: 'Choose the service provider.',
        hours: 'Total hours: enter a whole number of hours, for example 40.',
      },
      values: { hours: '4,5' },
    });
    expect(await newPesCount()).toBe(before);
  });

  it('the service’s own refusals: no employment condition yet, then too many hours', async () => {
    actAs(anna);
    const input = { voucherId: ids.anna, childIds: [ids.luca], providerId: ids.prv1, hours: '10' };
    expect(await saveBabysittingPesAction(input)).toMatchObject({
      ok: false,
      code: 'not_eligible',
      message: 'Declare your employment condition before entering the PES.',
    });
    await declareEmployment(t.db, anna, {
      voucherId: ids.anna,
      condition: 'private_sector',
      returnsToWorkOutsideHome: true,
      otherParentEmployed: true,
      employerConfirmed: false,
    });
    expect(await saveBabysittingPesAction({ ...input, hours: '9999' })).toMatchObject({
      ok: false,
      code: 'insufficient_residual',
      message: 'The amount is more than the amount left on the voucher.',
      fieldErrors: {
        hours:
          'Enter a whole number of hours between 1 and 182 (the maximum allowed with €3,282.45 at €18.00 an hour).',
      },
    });
    expect(await newPesCount()).toBe(3);
  });

  it('the employment dialog, deleting and asking validation', async () => {
    actAs(anna);
    const r = await declareEmploymentAction(null, form({ voucherId: ids.anna }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { condition: 'Select your employment condition.' } });
    expect(await deleteNewPesAction({ voucherId: ids.anna, pesId: '00000000-0000-4000-8000-000000000000' })).toEqual({
      ok: false,
      code: 'invalid_state',
      message: 'A PES can only be deleted while it is a draft or refused.',
    });
    expect(await requestValidationAction({ voucherId: ids.anna })).toMatchObject({
      ok: false,
      code: 'invalid_state',
      message: 'There are no new draft PES to send to the service provider.',
    });
  });

  it('an Italian family keeps the Italian words', async () => {
    actAs(giulia);
    const r = await saveBabysittingPesAction(null, form({ voucherId: ids.giulia, providerId: '', hours: 'x' }));
    expect(r).toMatchObject({
      ok: false,
      message: 'Alcuni dati non sono validi: correggi i campi evidenziati e riprova.',
      fieldErrors: { childIds: 'Seleziona almeno un minore.', providerId: 'Scegli il soggetto erogatore.' },
    });
  });
});
