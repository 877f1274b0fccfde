import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { children, notificationOutbox, pes, pesChildren, providers, users, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { residualCents } from '@/lib/domain/residual';
import { closePes } from '@/lib/services/provider/close-pes';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { requestClosing } from '@/lib/services/family/request-closing';
import { requestValidation } from '@/lib/services/family/request-validation';
import { saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Load (quality M2, M6): 200 families close a PES and convert the freed money at the same time,
 * each also racing itself with three babysitting PES where only two fit. No voucher overdraws,
 * no request ends in a server error, and every notification exists exactly once.
 */
const FAMILIES = 200;
const CHARGED = 100_000; // 1.000,00 € per voucher, all freed
const HOURS = 20; // 20 h × 18,00 € = 360,00 €: two PES fit (720,00 €), a third does not

let t: TestDb;
let prv1: Actor;
let prv1Id = '';
const families: { actor: Actor; voucherId: string; number: string; pesId: string; childId: string }[] = [];

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  t = await freshDb();
  await seeded(t.db);
  prv1 = (await demoActors(t.db)).prv1;
  prv1Id = (await t.db.select().from(providers).where(eq(providers.code, 'PRV1')))[0]!.id;
  // Set-based inserts: 200 families in a handful of statements.
  const us = await t.db
    .insert(users)
    .values(
      Array.from({ length: FAMILIES }, (_, i) => ({
        codiceFiscale: `LOAD${String(i).padStart(12, '0')}`,
        givenName: 'Famiglia',
        familyName: `Carico ${i}`,
        email: `carico${i}@example.it`,
        mobile: '+393470009999',
        role: 'family',
        passwordHash: 'not-a-login',
      })),
    )
    .returning({ id: users.id });
  const vs = await t.db
    .insert(vouchers)
    .values(
      us.map((u, i) => ({
        number: `BS-LOAD-${String(i).padStart(4, '0')}`,
        holderId: u.id,
        totalCents: CHARGED,
        status: 'assigned',
        assignedOn: '2020-02-01',
        employerName: 'Impresa privata',
        employerTaxCode: '00000000000',
        employerAddress: 'Via Roma 1, Trento',
        employerSector: 'privato',
        twoParentHousehold: false,
      })),
    )
    .returning({ id: vouchers.id, number: vouchers.number, holderId: vouchers.holderId });
  const ks = await t.db
    .insert(children)
    .values(
      vs.map((v) => ({
        voucherId: v.id,
        position: 1,
        givenName: 'Bimbo',
        familyName: 'Carico',
        codiceFiscale: 'CRCBMB20A01L378X',
        birthDate: '2021-01-01',
      })),
    )
    .returning({ id: children.id, voucherId: children.voucherId });
  const ps = await t.db
    .insert(pes)
    .values(
      vs.map((v) => ({
        code: `${v.number}/1`,
        voucherId: v.id,
        providerId: prv1Id,
        kind: 'standard' as const,
        band: 'A',
        hours: 100,
        amountCents: CHARGED,
        status: 'active' as const,
      })),
    )
    .returning({ id: pes.id, voucherId: pes.voucherId });
  await t.db
    .insert(pesChildren)
    .values(ps.map((p) => ({ pesId: p.id, childId: ks.find((k) => k.voucherId === p.voucherId)!.id })));
  for (const v of vs) {
    families.push({
      actor: { userId: v.holderId, role: 'family', providerId: null, ip: '127.0.0.1', requestId: 'load' },
      voucherId: v.id,
      number: v.number,
      pesId: ps.find((p) => p.voucherId === v.id)!.id,
      childId: ks.find((k) => k.voucherId === v.id)!.id,
    });
  }
  await t.db.delete(notificationOutbox);
});
afterAll(() => t?.close());

// Concurrency needs a real server: PGlite runs one statement at a time, so this runs on PostgreSQL (CI does).
describe.skipIf(!process.env.DATABASE_URL)('M2/M6 under load on PostgreSQL: 200 families at once', () => {
  it('closes, converts and asks for validation without overdraw, server errors, or lost or duplicated notifications', async () => {
    const outcomes = await Promise.all(
      families.map(async (f) => {
        await requestClosing(t.db, f.actor, { voucherId: f.voucherId, pesIds: [f.pesId] });
        await closePes(t.db, prv1, { pesId: f.pesId, usedCents: 0, hoursUsed: 0 });
        await declareEmployment(t.db, f.actor, {
          voucherId: f.voucherId,
          condition: 'private_sector',
          returnsToWorkOutsideHome: true,
          otherParentEmployed: false,
          employerConfirmed: false,
        });
        const saves = await Promise.allSettled(
          [1, 2, 3].map(() =>
            saveBabysittingPes(t.db, f.actor, {
              voucherId: f.voucherId,
              childIds: [f.childId],
              providerId: prv1Id,
              hours: HOURS,
            }),
          ),
        );
        await requestValidation(t.db, f.actor, { voucherId: f.voucherId });
        return saves;
      }),
    );
    const settled = outcomes.flat();
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(2 * FAMILIES);
    const refusals = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(refusals).toHaveLength(FAMILIES);
    // Every refusal is the business message, never a database or server error.
    for (const r of refusals) expect(r.reason).toMatchObject({ name: 'AppError', code: 'insufficient_residual' });

    const rows = await t.db
      .select()
      .from(pes)
      .where(
        inArray(
          pes.voucherId,
          families.map((f) => f.voucherId),
        ),
      );
    for (const f of families) {
      const mine = rows.filter((r) => r.voucherId === f.voucherId);
      expect(
        residualCents(
          mine.map((r) => ({ kind: r.kind, status: r.status, amountCents: r.amountCents, usedCents: r.usedCents })),
        ),
      ).toBe(CHARGED - 2 * HOURS * 1_800);
      expect(mine.filter((r) => r.kind === 'babysitting_covid' && r.status === 'awaiting_validation')).toHaveLength(2);
    }

    // Per family: the provider's close request, the family's closing notice, the provider's validation request.
    const mail = await t.db.select().from(notificationOutbox);
    expect(mail).toHaveLength(3 * FAMILIES);
    const perVoucher = new Map<string, number>();
    for (const m of mail) {
      const number = /BS-LOAD-\d{4}/.exec(m.subject)?.[0] ?? 'none';
      perVoucher.set(number, (perVoucher.get(number) ?? 0) + 1);
    }
    expect(perVoucher.get('none')).toBeUndefined();
    for (const f of families) expect(perVoucher.get(f.number), f.number).toBe(3);
  }, 180_000); // A load test on a CI machine that runs other suites beside it: its correctness, never its time, is asserted.
});
