import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, conversions, measureParameters, notificationOutbox, pes, providers, vouchers } from '@/db/schema';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { saveBabysittingPesAction } from '@/lib/actions/family/babysitting';
import { decideValidationAction } from '@/lib/actions/provider/decide-validation';
import type { Actor } from '@/lib/auth/actor';
import { closePes } from '@/lib/services/provider/close-pes';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { deleteNewPes } from '@/lib/services/family/delete-new-pes';
import { requestClosing } from '@/lib/services/family/request-closing';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';
import { actAs, useDb } from './support/act-as';
import { demoActors, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let anna: Actor, giulia: Actor, prv1: Actor, prv2: Actor, prv3: Actor;
const ids = { annaVoucher: '', giuliaVoucher: '', prv1: '', prv2: '', luca: '', sofia: '', marco: '' };

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
  const annaFile = await getFamilyVoucherFile(t.db, anna.userId, ids.annaVoucher);
  ids.luca = annaFile!.children[0]!.id;
  ids.sofia = annaFile!.children[1]!.id;
  ids.marco = (await getFamilyVoucherFile(t.db, giulia.userId, ids.giuliaVoucher))!.children[0]!.id;

  // Anna's closing journey (issue 3): 3.282,45 € freed.
  const std = annaFile!.standardPes;
  await requestClosing(t.db, anna, { voucherId: ids.annaVoucher, pesIds: std.map((p) => p.id) });
  const used: Record<string, [Actor, number]> = {
    'BS-2020-0001/1': [prv1, 30_000],
    'BS-2020-0001/2': [prv2, 41_755],
    'BS-2020-0001/3': [prv3, 20_000],
  };
  for (const p of std)
    await closePes(t.db, used[p.code]![0], { pesId: p.id, usedCents: used[p.code]![1], hoursUsed: 0 });
});
afterAll(() => t.close());

const residualOf = async (a: Actor, voucherId: string) =>
  (await getFamilyVoucherFile(t.db, a.userId, voucherId))!.residualCents;

describe('condizione di occupazione (Del. 575/2020)', () => {
  it('refuses Giulia declaring another condition, with the reasons, storing nothing', async () => {
    const r = await declareEmployment(t.db, giulia, {
      voucherId: ids.giuliaVoucher,
      condition: 'other',
      returnsToWorkOutsideHome: true,
      otherParentEmployed: false,
      employerConfirmed: false,
    });
    expect(r).toEqual({ eligible: false, reasons: ['condition_not_covered'] });
    expect(await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.giuliaVoucher))).toHaveLength(0);
  });

  it('asks a health-care employee to confirm the employer data before recording anything', async () => {
    const base = {
      voucherId: ids.giuliaVoucher,
      condition: 'public_health' as const,
      returnsToWorkOutsideHome: true,
      otherParentEmployed: false,
    };
    expect(await declareEmployment(t.db, giulia, { ...base, employerConfirmed: false })).toEqual({
      eligible: true,
      needsEmployerConfirmation: true,
    });
    expect(await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.giuliaVoucher))).toHaveLength(0);
    expect(await declareEmployment(t.db, giulia, { ...base, employerConfirmed: true })).toEqual({
      eligible: true,
      recorded: true,
    });
    const [conv] = await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.giuliaVoucher));
    expect(conv).toMatchObject({ employmentCondition: 'public_health' });
    expect(conv!.employerConfirmedAt).not.toBeNull();
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'conversion.employment_declared'), eq(auditEvents.entityId, ids.giuliaVoucher)),
      );
    expect(event!.after).toMatchObject({
      condition: 'public_health',
      employerConfirmed: { name: 'Azienda Provinciale per i Servizi Sanitari' },
    });
  });

  it('records Anna as a private-sector worker whose partner works', async () => {
    const r = await declareEmployment(t.db, anna, {
      voucherId: ids.annaVoucher,
      condition: 'private_sector',
      returnsToWorkOutsideHome: true,
      otherParentEmployed: true,
      employerConfirmed: false,
    });
    expect(r).toEqual({ eligible: true, recorded: true });
  });
});

describe('new babysitting PES', () => {
  it('refuses more hours than admissible (145 h at 22,50 € for two children) and stores nothing', async () => {
    await expect(
      saveBabysittingPes(t.db, anna, {
        voucherId: ids.annaVoucher,
        childIds: [ids.luca, ids.sofia],
        providerId: ids.prv1,
        hours: 146,
      }),
    ).rejects.toMatchObject({
      code: 'insufficient_residual',
      fieldErrors: { hours: expect.stringContaining('145') },
    });
    expect(await residualOf(anna, ids.annaVoucher)).toBe(328_245);
  });

  it('refuses a provider that did not join the measure, also when its id is posted directly', async () => {
    actAs(anna);
    const r = await saveBabysittingPesAction({
      voucherId: ids.annaVoucher,
      childIds: [ids.luca],
      providerId: ids.prv2,
      hours: '10',
    });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { providerId: expect.any(String) } });
    const foreignChild = await saveBabysittingPesAction({
      voucherId: ids.annaVoucher,
      childIds: [ids.marco],
      providerId: ids.prv1,
      hours: '10',
    });
    expect(foreignChild).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: { childIds: expect.any(String) },
    });
    const smuggled = await saveBabysittingPesAction({
      voucherId: ids.annaVoucher,
      childIds: [ids.luca],
      providerId: ids.prv1,
      hours: '10',
      amountCents: 1,
    });
    expect(smuggled).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await residualOf(anna, ids.annaVoucher)).toBe(328_245);
  });

  it('walks draft → awaiting validation → rejected → edited → validated, with e-mails and audit', async () => {
    actAs(anna);
    const saved = await saveBabysittingPesAction({
      voucherId: ids.annaVoucher,
      childIds: [ids.luca, ids.sofia],
      providerId: ids.prv1,
      hours: '145',
    });
    expect(saved).toMatchObject({
      ok: true,
      data: { code: 'BS-2020-0001/4', amountCents: 326_250, residualAfterCents: 1_995 },
    });
    const pesId = saved.ok && saved.data.step === 'saved' ? saved.data.pesId : '';
    expect(await residualOf(anna, ids.annaVoucher)).toBe(1_995);

    await requestValidation(t.db, anna, { voucherId: ids.annaVoucher });
    expect((await t.db.select().from(pes).where(eq(pes.id, pesId)))[0]!.status).toBe('awaiting_validation');
    expect((await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.annaVoucher)))[0]!.status).toBe(
      'awaiting_validation',
    );
    const toProvider = (await outboxTo(t.db, 'servizi@ilgermoglio.example.it')).filter((m) =>
      m.subject.startsWith('Richiesta di validazione'),
    );
    expect(toProvider).toHaveLength(1);
    expect(toProvider[0]!.textBody).toContain('BS-2020-0001/4');

    // Another provider cannot decide on it.
    actAs(prv2);
    expect(await decideValidationAction({ pesId, decision: 'validate' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    actAs(prv1);
    expect(await decideValidationAction({ pesId, decision: 'reject', reason: '' })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(
      await decideValidationAction({ pesId, decision: 'reject', reason: 'Le ore concordate sono 100, non 145.' }),
    ).toMatchObject({ ok: true, data: { status: 'rejected' } });
    const rejectedMail = (await outboxTo(t.db, 'anna.rossi@example.it')).find((m) => m.subject.includes('rifiutato'));
    expect(rejectedMail?.textBody).toContain('Le ore concordate sono 100');
    expect(await residualOf(anna, ids.annaVoucher)).toBe(328_245);

    const edited = await saveBabysittingPes(t.db, anna, {
      voucherId: ids.annaVoucher,
      pesId,
      childIds: [ids.luca, ids.sofia],
      providerId: ids.prv1,
      hours: 100,
    });
    expect(edited).toMatchObject({ code: 'BS-2020-0001/4', amountCents: 225_000 });
    await requestValidation(t.db, anna, { voucherId: ids.annaVoucher });
    expect(await decideValidation(t.db, prv1, { pesId, decision: 'validate' })).toEqual({
      status: 'validated',
      conversionStatus: 'ready_to_submit',
    });
    expect(
      await decideValidation(t.db, prv1, { pesId, decision: 'validate' }).catch((e: { code: string }) => e.code),
    ).toBe('invalid_state');
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, ids.annaVoucher));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'pes.created',
        'pes.validation_requested',
        'pes.rejected',
        'pes.updated',
        'pes.validated',
      ]),
    );
    expect(await residualOf(anna, ids.annaVoucher)).toBe(103_245);
  });

  it('a deleted draft returns its money to the residual', async () => {
    const one = await saveBabysittingPes(t.db, giulia, {
      voucherId: ids.giuliaVoucher,
      childIds: [ids.marco],
      providerId: ids.prv1,
      hours: 66,
    });
    expect(one.amountCents).toBe(118_800);
    await expect(
      saveBabysittingPes(t.db, giulia, {
        voucherId: ids.giuliaVoucher,
        childIds: [ids.marco],
        providerId: ids.prv1,
        hours: 1,
      }),
    ).rejects.toMatchObject({ code: 'insufficient_residual' });
    await deleteNewPes(t.db, giulia, { voucherId: ids.giuliaVoucher, pesId: one.pesId });
    expect(await residualOf(giulia, ids.giuliaVoucher)).toBe(120_000);
    await expect(deleteNewPes(t.db, anna, { voucherId: ids.giuliaVoucher, pesId: one.pesId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses new PES outside the measure window', async () => {
    await t.db
      .update(measureParameters)
      .set({ opensOn: '2020-05-06', closesOn: '2020-09-30' })
      .where(eq(measureParameters.measure, 'babysitting_covid'));
    await expect(
      saveBabysittingPes(t.db, giulia, {
        voucherId: ids.giuliaVoucher,
        childIds: [ids.marco],
        providerId: ids.prv1,
        hours: 1,
      }),
    ).rejects.toMatchObject({ code: 'measure_closed' });
    await t.db
      .update(measureParameters)
      .set({ opensOn: '2020-05-06', closesOn: '2099-12-31' })
      .where(eq(measureParameters.measure, 'babysitting_covid'));
  });
});

describe('money safety (M2)', () => {
  it('50 concurrent 30,00 € PES against 1.000,00 € freed: exactly 33 accepted, 17 refused, no server error', async () => {
    // 30,00 € an hour for one child with no co-payment, and Giulia's freed money set to exactly 1.000,00 €.
    await t.db
      .update(measureParameters)
      .set({ hourlyCapOneChildCents: 3_000, copayBasisPoints: 0 })
      .where(eq(measureParameters.measure, 'babysitting_covid'));
    await t.db.update(pes).set({ usedCents: 100_000 }).where(eq(pes.code, 'BS-2020-0002/1'));
    expect(await residualOf(giulia, ids.giuliaVoucher)).toBe(100_000);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        saveBabysittingPes(t.db, giulia, {
          voucherId: ids.giuliaVoucher,
          childIds: [ids.marco],
          providerId: ids.prv1,
          hours: 1,
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(accepted).toHaveLength(33);
    expect(refused).toHaveLength(17);
    expect(refused.every((r) => (r.reason as { code?: string }).code === 'insufficient_residual')).toBe(true);
    expect(await residualOf(giulia, ids.giuliaVoucher)).toBe(1_000);
    const codes = (await t.db.select().from(pes).where(eq(pes.voucherId, ids.giuliaVoucher))).map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('never lets the outbox carry anything for refused attempts', async () => {
    const mails = await t.db
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.recipient, 'giulia.bianchi@example.it'));
    expect(mails).toHaveLength(0);
  });
});
