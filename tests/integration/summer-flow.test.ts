import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, pes, providers, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { summerPesFormAction } from '@/lib/actions/family/summer';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { requestClosing } from '@/lib/services/family/request-closing';
import { saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';
import { saveSummerPes } from '@/lib/services/family/save-summer-pes';
import { attachSummerDocument } from '@/lib/services/family/attach-summer-document';
import { requestValidation } from '@/lib/services/family/request-validation';
import type { FileStorage } from '@/lib/storage/file-storage';
import { actAs, useDb } from './support/act-as';
import { pdf } from './support/pdfs';
import { demoActors, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let anna: Actor, giulia: Actor, prv1: Actor, prv2: Actor, prv3: Actor;
const ids = { annaVoucher: '', giuliaVoucher: '', prv1: '', prv2: '', prv3: '', luca: '', sofia: '', marco: '' };
const residualOf = async (a: Actor, voucherId: string) =>
  (await getFamilyVoucherFile(t.db, a.userId, voucherId))!.residualCents;
const summerOf = async (voucherId: string) =>
  (
    await t.db
      .select()
      .from(pes)
      .where(and(eq(pes.voucherId, voucherId), eq(pes.kind, 'summer_covid')))
  ).filter((p) => p.status !== 'deleted');
const row = (childId: string, band: 'A' | 'B' | 'C', providerId: string, amountCents: number, hours = 40) => ({
  childId,
  band,
  providerId,
  amountCents,
  hours,
});

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  ({ anna, giulia, prv1, prv2, prv3 } = await demoActors(t.db));
  const vs = await t.db.select().from(vouchers);
  ids.annaVoucher = vs.find((v) => v.number === 'BS-2020-0001')!.id;
  ids.giuliaVoucher = vs.find((v) => v.number === 'BS-2020-0002')!.id;
  const ps = await t.db.select().from(providers);
  ids.prv1 = ps.find((p) => p.code === 'PRV1')!.id;
  ids.prv2 = ps.find((p) => p.code === 'PRV2')!.id;
  ids.prv3 = ps.find((p) => p.code === 'PRV3')!.id;
  const annaFile = (await getFamilyVoucherFile(t.db, anna.userId, ids.annaVoucher))!;
  ids.luca = annaFile.children[0]!.id;
  ids.sofia = annaFile.children[1]!.id;
  ids.marco = (await getFamilyVoucherFile(t.db, giulia.userId, ids.giuliaVoucher))!.children[0]!.id;
  // Demo: Anna closes with 300,00 / 417,55 / 200,00 € used, then 100 h of babysitting for both children (2.250,00 €).
  const std = annaFile.standardPes;
  await requestClosing(t.db, anna, { voucherId: ids.annaVoucher, pesIds: std.map((p) => p.id) });
  const used: Record<string, [Actor, number]> = {
    'BS-2020-0001/1': [prv1, 30_000],
    'BS-2020-0001/2': [prv2, 41_755],
    'BS-2020-0001/3': [prv3, 20_000],
  };
  for (const p of std)
    await closePes(t.db, used[p.code]![0], { pesId: p.id, usedCents: used[p.code]![1], hoursUsed: 0 });
  await declareEmployment(t.db, anna, {
    voucherId: ids.annaVoucher,
    condition: 'private_sector',
    returnsToWorkOutsideHome: true,
    otherParentEmployed: true,
    employerConfirmed: false,
  });
  await saveBabysittingPes(t.db, anna, {
    voucherId: ids.annaVoucher,
    childIds: [ids.luca, ids.sofia],
    providerId: ids.prv1,
    hours: 100,
  });
});
afterAll(() => t.close());

describe('summer PES page (Del. 742/2020), Anna with 1.032,45 € left', () => {
  it('starts from 1.032,45 €', async () => {
    expect(await residualOf(anna, ids.annaVoucher)).toBe(103_245);
  });

  it('refuses 1.032,46 € for Sofia with Estate Ragazzi, with the error on that PES, storing nothing', async () => {
    await expect(
      saveSummerPes(t.db, anna, { voucherId: ids.annaVoucher, pes: [row(ids.sofia, 'B', ids.prv2, 103_246)] }),
    ).rejects.toMatchObject({
      code: 'insufficient_residual',
      fieldErrors: { 'pes.0.amount': expect.stringContaining('1.032,45') },
    });
    expect(await summerOf(ids.annaVoucher)).toHaveLength(0);
  });

  it('saves all PES of the page or none: the second one overdraws, the first is not kept', async () => {
    const before = await t.db.select().from(auditEvents);
    await expect(
      saveSummerPes(t.db, anna, {
        voucherId: ids.annaVoucher,
        pes: [row(ids.luca, 'A', ids.prv1, 50_000), row(ids.sofia, 'B', ids.prv2, 53_246)],
      }),
    ).rejects.toMatchObject({ code: 'insufficient_residual', fieldErrors: { 'pes.1.amount': expect.any(String) } });
    expect(await summerOf(ids.annaVoucher)).toHaveLength(0);
    expect(await t.db.select().from(auditEvents)).toHaveLength(before.length);
  });

  it.each([
    ['Luca (2 years) in band B', () => row(ids.luca, 'B', ids.prv1, 10_000), 'pes.0.band'],
    [
      'Luca in band A with Estate Ragazzi, which offers only B and C',
      () => row(ids.luca, 'A', ids.prv2, 10_000),
      'pes.0.providerId',
    ],
    [
      'Sofia with Nido Le Coccinelle, which did not join the summer measure (id posted directly)',
      () => row(ids.sofia, 'B', ids.prv3, 10_000),
      'pes.0.providerId',
    ],
    ['a child of another voucher', () => row(ids.marco, 'C', ids.prv1, 10_000), 'pes.0.childId'],
  ])('refuses %s and stores nothing', async (_case, make, field) => {
    await expect(saveSummerPes(t.db, anna, { voucherId: ids.annaVoucher, pes: [make()] })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { [field]: expect.any(String) },
    });
    expect(await summerOf(ids.annaVoucher)).toHaveLength(0);
  });

  it('accepts exactly 1.032,45 € for Sofia: the residual is 0,00 €', async () => {
    const r = await saveSummerPes(t.db, anna, {
      voucherId: ids.annaVoucher,
      pes: [row(ids.sofia, 'B', ids.prv2, 103_245, 120)],
    });
    expect(r).toMatchObject({ codes: ['BS-2020-0001/5'], residualAfterCents: 0 });
    expect(await residualOf(anna, ids.annaVoucher)).toBe(0);
    expect(await summerOf(ids.annaVoucher)).toMatchObject([
      { code: 'BS-2020-0001/5', status: 'draft', band: 'B', amountCents: 103_245, hours: 120 },
    ]);
  });

  it('edits a saved PES and adds another in one save, and a cancelled one frees its money', async () => {
    const [sofiaPes] = await summerOf(ids.annaVoucher);
    await saveSummerPes(t.db, anna, {
      voucherId: ids.annaVoucher,
      pes: [
        { id: sofiaPes!.id, ...row(ids.sofia, 'B', ids.prv2, 60_000, 80) },
        row(ids.luca, 'A', ids.prv1, 43_245, 50),
      ],
    });
    expect(await residualOf(anna, ids.annaVoucher)).toBe(0);
    const lucaPes = (await summerOf(ids.annaVoucher)).find((p) => p.id !== sofiaPes!.id)!;
    await saveSummerPes(t.db, anna, {
      voucherId: ids.annaVoucher,
      pes: [{ id: sofiaPes!.id, ...row(ids.sofia, 'B', ids.prv2, 60_000, 80) }],
      removed: [lucaPes.id],
    });
    expect(await residualOf(anna, ids.annaVoucher)).toBe(43_245);
    expect((await t.db.select().from(pes).where(eq(pes.id, lucaPes.id)))[0]!.status).toBe('deleted');
  });

  it('refuses a PES id of another voucher (not_found) and the strict action refuses extra fields', async () => {
    const [martaSummer] = await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0003/2'));
    await expect(
      saveSummerPes(t.db, anna, {
        voucherId: ids.annaVoucher,
        pes: [{ id: martaSummer!.id, ...row(ids.sofia, 'B', ids.prv2, 100) }],
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    actAs(anna);
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      voucherId: ids.annaVoucher,
      intent: 'save',
      'pes.0.childId': ids.sofia,
      'pes.0.band': 'B',
      'pes.0.providerId': ids.prv2,
      'pes.0.amount': '1,00',
      'pes.0.hours': '1',
      'pes.0.status': 'validated',
    }))
      fd.append(k, v);
    expect(await summerPesFormAction(null, fd)).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('Aggiorna recomputes on the server without saving, errors keyed by the PES field', async () => {
    actAs(anna);
    const fd = new FormData();
    for (const [k, v] of Object.entries({
      voucherId: ids.annaVoucher,
      intent: 'refresh',
      'pes.0.childId': ids.luca,
      'pes.0.band': 'A',
      'pes.0.providerId': ids.prv1,
      'pes.0.amount': '500,00',
      'pes.0.hours': '10',
    }))
      fd.append(k, v);
    const before = await summerOf(ids.annaVoucher);
    expect(await summerPesFormAction(null, fd)).toMatchObject({
      ok: false,
      residualAfterCents: 43_245 - 50_000,
      fieldErrors: { 'pes.0.amount': expect.stringContaining('432,45') },
    });
    expect(await summerOf(ids.annaVoucher)).toEqual(before);
  });
});

describe('RICHIEDI VALIDAZIONE for the summer PES', () => {
  const memory: FileStorage = { put: async () => undefined, get: async () => null, remove: async () => undefined };

  it('names the PES still missing their PDF and sends nothing; then one e-mail per provider listing its PES', async () => {
    const [sofiaPes] = await summerOf(ids.annaVoucher);
    await saveSummerPes(t.db, anna, {
      voucherId: ids.annaVoucher,
      pes: [
        { id: sofiaPes!.id, ...row(ids.sofia, 'B', ids.prv2, 60_000, 80) },
        row(ids.luca, 'A', ids.prv1, 43_245, 50),
      ],
    });
    const [a, b] = (await summerOf(ids.annaVoucher)).sort((x, y) => x.code.localeCompare(y.code));
    await expect(
      requestValidation(t.db, anna, { voucherId: ids.annaVoucher, kind: 'summer_covid' }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining(`${a!.code}, ${b!.code}`),
    });
    await attachSummerDocument(
      t.db,
      anna,
      { voucherId: ids.annaVoucher, pesId: sofiaPes!.id, fileName: 'sofia.pdf', bytes: await pdf() },
      { storage: memory },
    );
    await expect(
      requestValidation(t.db, anna, { voucherId: ids.annaVoucher, kind: 'summer_covid' }),
    ).rejects.toMatchObject({ message: expect.not.stringContaining(sofiaPes!.code) });
    const luca = [a, b].find((p) => p!.id !== sofiaPes!.id)!;
    await attachSummerDocument(
      t.db,
      anna,
      { voucherId: ids.annaVoucher, pesId: luca.id, fileName: 'luca.pdf', bytes: await pdf() },
      { storage: memory },
    );

    const before = {
      prv1: (await outboxTo(t.db, 'servizi@ilgermoglio.example.it')).length,
      prv2: (await outboxTo(t.db, 'segreteria@estateragazzi.example.it')).length,
    };
    const r = await requestValidation(t.db, anna, { voucherId: ids.annaVoucher, kind: 'summer_covid' });
    expect(r.sent.sort()).toEqual([a!.code, b!.code]);
    const prv1Mail = (await outboxTo(t.db, 'servizi@ilgermoglio.example.it')).slice(before.prv1);
    const prv2Mail = (await outboxTo(t.db, 'segreteria@estateragazzi.example.it')).slice(before.prv2);
    expect(prv1Mail).toHaveLength(1);
    expect(prv2Mail).toHaveLength(1);
    expect(prv1Mail[0]!.textBody).toContain(luca.code);
    expect(prv1Mail[0]!.textBody).not.toContain(sofiaPes!.code);
    expect(prv2Mail[0]!.textBody).toContain(sofiaPes!.code);
    expect(prv2Mail[0]!.textBody).toContain('PES concordato (PDF)');
    // The babysitting draft was not part of this request.
    expect((await t.db.select().from(pes).where(eq(pes.code, 'BS-2020-0001/4')))[0]!.status).toBe('draft');
  });
});

describe('money safety: concurrent summer and babysitting saves never overdraw (M2)', () => {
  it('Giulia (1.200,00 € freed): 10 summer pages of 300,00 € and 10 babysitting PES of 10 h race; the residual never goes below zero', async () => {
    await declareEmployment(t.db, giulia, {
      voucherId: ids.giuliaVoucher,
      condition: 'public_health',
      returnsToWorkOutsideHome: true,
      otherParentEmployed: false,
      employerConfirmed: true,
    });
    expect(await residualOf(giulia, ids.giuliaVoucher)).toBe(120_000);
    const attempts = await Promise.allSettled([
      ...Array.from({ length: 10 }, () =>
        saveSummerPes(t.db, giulia, { voucherId: ids.giuliaVoucher, pes: [row(ids.marco, 'C', ids.prv2, 30_000)] }),
      ),
      ...Array.from({ length: 10 }, () =>
        saveBabysittingPes(t.db, giulia, {
          voucherId: ids.giuliaVoucher,
          childIds: [ids.marco],
          providerId: ids.prv1,
          hours: 10,
        }),
      ),
    ]);
    const refused = attempts.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => (r.reason as { code?: string }).code === 'insufficient_residual')).toBe(true);
    const residual = await residualOf(giulia, ids.giuliaVoucher);
    expect(residual).toBeGreaterThanOrEqual(0);
    // What was accepted is exactly what the residual lost.
    const live = (await t.db.select().from(pes).where(eq(pes.voucherId, ids.giuliaVoucher))).filter(
      (p) => p.kind !== 'standard' && p.status !== 'deleted',
    );
    expect(live.reduce((s, p) => s + p.amountCents, 0)).toBe(120_000 - residual);
    expect(live).toHaveLength(attempts.length - refused.length);
  });
});
