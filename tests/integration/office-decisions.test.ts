import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, conversionQueueCounts, conversions, notificationOutbox, pes, users, vouchers } from '@/db/schema';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import { officeScope } from '@/lib/auth/office-scope';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import type { Actor } from '@/lib/auth/actor';
import { CONVERSION_STATUSES } from '@/lib/domain/state-machines';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { rejectConversion } from '@/lib/services/office/reject-conversion';
import { returnConversion } from '@/lib/services/office/return-conversion';
import { unlockSignature } from '@/lib/services/office/unlock-signature';
import { demoActors, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let office: Actor, marta: Actor, secondClerk: Actor;
let conversionId = '';
let martaVoucher = '';
const MARTA_MAIL = 'marta.verdi@example.it';
const PRV2_MAIL = 'segreteria@estateragazzi.example.it';

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  ({ office, marta } = await demoActors(t.db));
  const [clerk] = await t.db
    .insert(users)
    .values({
      codiceFiscale: 'BRNLRA85A41L378E',
      givenName: 'Laura',
      familyName: 'Bruni',
      email: 'laura.bruni@provincia.tn.example.it',
      role: 'office',
      passwordHash: 'unused',
    })
    .returning();
  secondClerk = { userId: clerk!.id, role: 'office', providerId: null, ip: '127.0.0.1', requestId: 'test' };
  martaVoucher = (await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003')))[0]!.id;
  conversionId = (await t.db.select().from(conversions).where(eq(conversions.voucherId, martaVoucher)))[0]!.id;
});
afterAll(() => t.close());

/** Marta's conversion as seeded: submitted, its summer PES validated, nothing decided. */
async function resetMarta(status: (typeof CONVERSION_STATUSES)[number] = 'submitted', decidedBy: string | null = null) {
  await t.db
    .update(conversions)
    .set({
      status,
      decisionReason: null,
      decidedBy,
      decidedAt: decidedBy ? new Date('2026-11-20T09:30:00Z') : null,
      otpLocked: null,
      otpFailedTotal: 0,
    })
    .where(eq(conversions.id, conversionId));
  await t.db.update(pes).set({ status: 'validated' }).where(eq(pes.conversionId, conversionId));
}

async function state() {
  return JSON.stringify([
    await t.db.select().from(conversions).where(eq(conversions.id, conversionId)),
    await t.db.select().from(pes).where(eq(pes.voucherId, martaVoucher)).orderBy(pes.code),
    (await t.db.select().from(notificationOutbox)).length,
    (await t.db.select().from(auditEvents)).length,
  ]);
}

const decisions = {
  approve: (a: Actor) => approveConversion(t.db, a, { conversionId }),
  reject: (a: Actor) =>
    rejectConversion(t.db, a, { conversionId, reason: 'Documento non firmato dal soggetto erogatore' }),
  return: (a: Actor) => returnConversion(t.db, a, { conversionId, reason: 'Caricare il PES concordato firmato' }),
};

describe('Convalida', () => {
  beforeEach(() => resetMarta());

  it('approves Marta’s conversion: audit event, the family and the provider e-mailed, the PES stay validated', async () => {
    const mailsBefore = (await outboxTo(t.db, MARTA_MAIL)).length;
    expect(await approveConversion(t.db, office, { conversionId }, { baseUrl: 'http://localhost:3000' })).toMatchObject(
      { status: 'approved' },
    );
    const [c] = await t.db.select().from(conversions).where(eq(conversions.id, conversionId));
    expect(c).toMatchObject({ status: 'approved', decidedBy: office.userId, decisionReason: null });
    expect(c!.protocolNumber).toMatch(/^MPES-\d{4}-000001$/);
    const family = await outboxTo(t.db, MARTA_MAIL);
    expect(family.length).toBe(mailsBefore + 1);
    expect(family.at(-1)!.subject).toBe('Modifica PES convalidata — buono BS-2020-0003');
    expect(family.at(-1)!.textBody).toMatch(/servizi possono ora essere attivati/);
    expect(family.at(-1)!.textBody).toMatch(/BS-2020-0003\/2/);
    const provider = await outboxTo(t.db, PRV2_MAIL);
    expect(provider.at(-1)!.subject).toBe('PES convalidati — buono BS-2020-0003');
    expect(provider.at(-1)!.textBody).toMatch(/PES BS-2020-0003\/2 — Elena Verdi — 60 ore — 950,00/);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'conversion.approved'), eq(auditEvents.entityId, martaVoucher)));
    expect(event).toMatchObject({ actorId: office.userId, actorRole: 'office', entityType: 'voucher' });
    expect((await t.db.select().from(pes).where(eq(pes.conversionId, conversionId)))[0]!.status).toBe('validated');
  });
});

describe('Respingi', () => {
  beforeEach(() => resetMarta());

  it('needs a reason and changes nothing without one', async () => {
    const before = await state();
    await expect(rejectConversion(t.db, office, { conversionId, reason: '  ' })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { reason: expect.any(String) },
    });
    expect(await state()).toBe(before);
  });

  it('rejects: the new PES are cancelled, their money no longer committed, the family reads the reason', async () => {
    expect((await getFamilyVoucherFile(t.db, marta.userId, martaVoucher))!.residualCents).toBe(0);
    await rejectConversion(t.db, office, { conversionId, reason: 'Documento non firmato dal soggetto erogatore' });
    const [c] = await t.db.select().from(conversions).where(eq(conversions.id, conversionId));
    expect(c).toMatchObject({ status: 'rejected', decisionReason: 'Documento non firmato dal soggetto erogatore' });
    expect((await t.db.select().from(pes).where(eq(pes.conversionId, conversionId))).map((p) => p.status)).toEqual([
      'cancelled',
    ]);
    const file = (await getFamilyVoucherFile(t.db, marta.userId, martaVoucher))!;
    expect(file.committedCents).toBe(0);
    expect(file.residualCents).toBe(file.freedCents);
    const mail = (await outboxTo(t.db, MARTA_MAIL)).at(-1)!;
    expect(mail.subject).toBe('Modifica PES respinta — buono BS-2020-0003');
    expect(mail.textBody).toMatch(/«Documento non firmato dal soggetto erogatore»/);
    expect((await outboxTo(t.db, PRV2_MAIL)).at(-1)!.subject).toBe('PES annullati — buono BS-2020-0003');
  });
});

describe('Richiedi integrazione', () => {
  beforeEach(() => resetMarta());

  it('returns the conversion with the reason, keeps the protocol number and the signature, e-mails the family a link to fix it', async () => {
    const [before] = await t.db.select().from(conversions).where(eq(conversions.id, conversionId));
    await returnConversion(
      t.db,
      office,
      { conversionId, reason: 'Caricare il PES concordato firmato' },
      { baseUrl: 'http://localhost:3000' },
    );
    const [c] = await t.db.select().from(conversions).where(eq(conversions.id, conversionId));
    expect(c).toMatchObject({
      status: 'returned',
      decisionReason: 'Caricare il PES concordato firmato',
      protocolNumber: before!.protocolNumber,
      submittedAt: before!.submittedAt,
    });
    expect(c!.signature).toEqual(before!.signature);
    const mail = (await outboxTo(t.db, MARTA_MAIL)).at(-1)!;
    expect(mail.subject).toBe('Richiesta di integrazione — buono BS-2020-0003');
    expect(mail.textBody).toContain(`/famiglia/buoni/${martaVoucher}#integrazione`);
    expect(mail.textBody).toMatch(/numero di protocollo resta lo stesso/);
  });

  it('needs a reason and changes nothing without one', async () => {
    const before = await state();
    await expect(returnConversion(t.db, office, { conversionId, reason: 'ok' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await state()).toBe(before);
  });
});

describe('every decision is refused, changing nothing, unless the conversion is submitted', () => {
  const cells = CONVERSION_STATUSES.filter((s) => s !== 'submitted').flatMap((s) =>
    (Object.keys(decisions) as (keyof typeof decisions)[]).map((d) => [d, s] as const),
  );
  it.each(cells)('%s on a %s conversion', async (decision, status) => {
    const decided = ['approved', 'rejected', 'returned'].includes(status);
    await resetMarta(status, decided ? secondClerk.userId : null);
    const before = await state();
    await expect(decisions[decision](office)).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await state()).toBe(before);
  });

  it('tells the clerk who decided and when', async () => {
    await resetMarta('approved', secondClerk.userId);
    await expect(decisions.reject(office)).rejects.toThrow(
      /già stata convalidata da Laura Bruni il 20\/11\/2026, 10:30/,
    );
  });

  it('refuses a conversion the family has not signed yet as unknown to the office', async () => {
    const [anna] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
    const [draft] = await t.db.insert(conversions).values({ voucherId: anna!.id }).returning();
    await expect(approveConversion(t.db, office, { conversionId: draft!.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await getOfficeConversionFile(t.db, officeScope(office), draft!.id)).toBeNull();
    await t.db.delete(conversions).where(eq(conversions.id, draft!.id));
  });

  it('refuses a family or provider actor at the service too', async () => {
    await resetMarta();
    const { anna, prv2 } = await demoActors(t.db);
    for (const a of [anna, prv2, marta])
      await expect(decisions.approve(a)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('two clerks deciding at once', () => {
  it.each([
    ['approve', 'reject'],
    ['return', 'approve'],
    ['reject', 'return'],
  ] as const)('%s vs %s: one wins, the other is told who decided, one e-mail to the family', async (a, b) => {
    await resetMarta();
    const mails = (await outboxTo(t.db, MARTA_MAIL)).length;
    const results = await Promise.allSettled([decisions[a](office), decisions[b](secondClerk)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'invalid_state' });
    const [c] = await t.db.select().from(conversions).where(eq(conversions.id, conversionId));
    const winner = c!.decidedBy === office.userId ? 'Chiara Conti' : 'Laura Bruni';
    expect(String(lost[0]!.reason.message)).toContain(`da ${winner} il`);
    expect((await outboxTo(t.db, MARTA_MAIL)).length).toBe(mails + 1);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, martaVoucher), eq(auditEvents.actorRole, 'office')));
    expect(events.filter((e) => e.at.getTime() === c!.decidedAt!.getTime())).toHaveLength(1);
  });
});

describe('the queue’s status counters (trigger-kept)', () => {
  it('equal a recount after every decision above, concurrent ones included', async () => {
    const counters = await t.db.select().from(conversionQueueCounts);
    const recount = await t.db
      .select({ status: conversions.status, n: count() })
      .from(conversions)
      .where(isNotNull(conversions.submittedAt))
      .groupBy(conversions.status);
    for (const r of recount) expect(counters.find((c) => c.status === r.status)?.n, r.status).toBe(r.n);
    for (const c of counters) if (!recount.some((r) => r.status === c.status)) expect(c.n, c.status).toBe(0);
  });
});

describe('Sblocca la firma', () => {
  it('clears the lock and the wrong-entry count, with the reason audited and the family e-mailed', async () => {
    await resetMarta('ready_to_submit');
    await t.db
      .update(conversions)
      .set({ otpLocked: 'Bloccata: troppi codici errati', otpFailedTotal: 100 })
      .where(eq(conversions.id, conversionId));
    await unlockSignature(t.db, office, { conversionId, reason: 'Identità verificata per telefono' });
    const [c] = await t.db.select().from(conversions).where(eq(conversions.id, conversionId));
    expect(c).toMatchObject({ otpLocked: null, otpFailedTotal: 0, status: 'ready_to_submit' });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'conversion.signature_unlocked'));
    expect(event!.after).toMatchObject({ reason: 'Identità verificata per telefono', otpFailedTotal: 0 });
    expect(event!.before).toMatchObject({ otpFailedTotal: 100 });
    expect((await outboxTo(t.db, MARTA_MAIL)).at(-1)!.subject).toBe('Firma OTP sbloccata — buono BS-2020-0003');
  });

  it('refuses a conversion that is not locked, changing nothing', async () => {
    await resetMarta();
    const before = await state();
    await expect(unlockSignature(t.db, office, { conversionId, reason: 'Identità verificata' })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(await state()).toBe(before);
  });
});

describe('the office file', () => {
  it('opens Marta’s file with her document and a signature that matches the recomputed dossier', async () => {
    await resetMarta();
    const f = (await getOfficeConversionFile(t.db, officeScope(office), conversionId))!;
    expect(f.holder.codiceFiscale).toBe('VRDMRT82S60L378B');
    expect(f.children.map((c) => c.givenName)).toEqual(['Elena']);
    expect(f.freedCents).toBe(95_000);
    expect(f.newPes.map((p) => [p.code, p.status, p.document?.fileName])).toEqual([
      ['BS-2020-0003/2', 'validated', 'PES-servizi-estivi-Elena-Verdi.pdf'],
    ]);
    expect(f.newPes[0]!.validation?.name).toBe('Paolo Gallo');
    expect(f.dossier.matches).toBe(true);
    expect(f.events.map((e) => e.action)).toContain('conversion.submitted');
  });

  it('shows the signature as not matching once what was signed changes', async () => {
    await resetMarta();
    await t.db.update(pes).set({ hours: 61 }).where(eq(pes.conversionId, conversionId));
    expect((await getOfficeConversionFile(t.db, officeScope(office), conversionId))!.dossier.matches).toBe(false);
    await t.db.update(pes).set({ hours: 60 }).where(eq(pes.conversionId, conversionId));
    expect((await getOfficeConversionFile(t.db, officeScope(office), conversionId))!.dossier.matches).toBe(true);
  });

  it('is refused to a family or provider at the query', async () => {
    const { anna, prv2 } = await demoActors(t.db);
    expect(() => officeScope(anna)).toThrow();
    expect(() => officeScope(prv2)).toThrow();
    expect(() => officeScope(null)).toThrow();
  });
});
