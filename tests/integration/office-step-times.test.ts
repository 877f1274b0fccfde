import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stepTimes, type StepStat, type StepTimes } from '@/db/queries/office-step-times';
import { auditEvents, conversionSubmissions, conversions } from '@/db/schema';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { createFamilyWithVoucher, createProvider, type BuiltProvider, type PesSpec } from './support/builders';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 19 item 7: median and 90th percentile of days per step, per provider and per measure. The data is
 * made here with exact durations, so the expected figures are worked out by hand (percentile_cont:
 * linear interpolation between the closest ranks).
 */
let t: TestDb;
let result: StepTimes;
let alfa: BuiltProvider, beta: BuiltProvider;
const T0 = new Date('2026-10-01T08:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);

const closed = (provider: BuiltProvider, days: number, from = 0): PesSpec => ({
  provider,
  status: 'closed',
  usedCents: 0,
  hoursUsed: 0,
  closeRequestedAt: at(from),
  closedAt: at(from + days),
});
const newPes = (
  provider: BuiltProvider,
  kind: 'babysitting_covid' | 'summer_covid',
  requested: number,
  decided: number | null,
  status: PesSpec['status'] = 'validated',
): PesSpec => ({
  provider,
  kind,
  status,
  validationRequestedAt: at(requested),
  ...(decided === null ? {} : { decidedAt: at(decided) }),
});

/** A conversion's signed submissions and office acts: `returnedAt` between rounds, `decidedAt` for the last. */
async function history(
  conversionId: string,
  voucherId: string,
  status: ConversionStatus,
  rounds: { submittedAt: number; returnedAt?: number }[],
  decidedAt: number | null,
) {
  await t.db
    .update(conversions)
    .set({ status, submittedAt: at(rounds.at(-1)!.submittedAt), decidedAt: decidedAt === null ? null : at(decidedAt) })
    .where(eq(conversions.id, conversionId));
  for (const [i, r] of rounds.entries()) {
    await t.db.insert(conversionSubmissions).values({
      conversionId,
      protocolNumber: `MPES-2026-${conversionId.slice(0, 6)}`,
      submittedAt: at(r.submittedAt),
      dossierSha256: `sha-${i}`,
      dossier: {},
      signature: {
        signedAt: at(r.submittedAt).toISOString(),
        maskedMobile: '***',
        otpId: 'o',
        dossierSha256: `sha-${i}`,
      },
    });
    if (r.returnedAt !== undefined)
      await t.db.insert(auditEvents).values({
        action: 'conversion.returned',
        entityType: 'voucher',
        entityId: voucherId,
        after: { conversionId, status: 'returned', reason: 'Documento mancante', protocolNumber: null },
        at: at(r.returnedAt),
      });
  }
}

beforeAll(async () => {
  t = await freshDb();
  alfa = await createProvider(t.db, { name: 'Alfa Cooperativa' });
  beta = await createProvider(t.db, { name: 'Beta Associazione' });
  // X: babysitting, returned once (2 days with the office, 5 with the family), approved 1 day after signing again.
  const x = await createFamilyWithVoucher(t.db, {
    pes: [closed(alfa, 1), newPes(alfa, 'babysitting_covid', 2, 2.5)],
  });
  await history(
    x.conversionId!,
    x.voucher.id,
    'approved',
    [{ submittedAt: 3, returnedAt: 5 }, { submittedAt: 10 }],
    11,
  );
  // Y: summer, rejected 5 days after signing (its new PES cancelled, still telling the measure).
  const y = await createFamilyWithVoucher(t.db, {
    pes: [closed(alfa, 2), newPes(beta, 'summer_covid', 1, 3, 'cancelled')],
  });
  await history(y.conversionId!, y.voucher.id, 'rejected', [{ submittedAt: 4 }], 9);
  // Z: babysitting, still waiting for the office: its closing and validation count, its decision not yet.
  const z = await createFamilyWithVoucher(t.db, {
    pes: [closed(alfa, 3), closed(alfa, 4, 1), newPes(alfa, 'babysitting_covid', 5, 6.5)],
  });
  await history(z.conversionId!, z.voucher.id, 'submitted', [{ submittedAt: 8 }], null);
  // No conversion yet: a closing with no measure, and a PES still waiting to be closed.
  await createFamilyWithVoucher(t.db, {
    pes: [closed(beta, 10), { provider: beta, status: 'close_requested', closeRequestedAt: at(0) }],
  });
  // W: summer, back with the family; its PES was sent again for validation after the last decision.
  const w = await createFamilyWithVoucher(t.db, {
    pes: [newPes(beta, 'summer_covid', 20, 12, 'awaiting_validation')],
  });
  await history(w.conversionId!, w.voucher.id, 'returned', [{ submittedAt: 13, returnedAt: 14 }], 14);
  result = await stepTimes(t.db);
});
afterAll(() => t.close());

const s = (medianDays: number, p90Days: number, count: number): StepStat => ({ medianDays, p90Days, count });
const NONE: StepStat = { medianDays: null, p90Days: null, count: 0 };
const close = (actual: StepStat, expected: StepStat) => {
  expect(actual.count).toBe(expected.count);
  if (expected.medianDays === null) return expect(actual.medianDays).toBeNull();
  expect(actual.medianDays).toBeCloseTo(expected.medianDays, 9);
  expect(actual.p90Days).toBeCloseTo(expected.p90Days!, 9);
};

describe('days per step', () => {
  it.each([
    // [1, 2, 3, 4, 10]: median 3; 90th: rank 3.6 → 4 + 0.6 × 6.
    ['closing', s(3, 7.6, 5)],
    // [0.5, 1.5, 2]: the PES sent again after its decision does not count.
    ['validation', s(1.5, 1.9, 3)],
    // X: 2 + 1 = 3 days with the office (the 5 with the family left out); Y: 5. Z and W are not decided.
    ['decision', s(4, 4.8, 2)],
  ] as const)('%s, overall', (step, expected) => close(result.overall[step], expected));

  it('per provider, by name; the office decision is not a provider’s step', () => {
    expect(result.byProvider.map((p) => p.name)).toEqual(['Alfa Cooperativa', 'Beta Associazione']);
    const [a, b] = result.byProvider;
    close(a!.closing, s(2.5, 3.7, 4));
    close(a!.validation, s(1, 1.4, 2));
    close(b!.closing, s(10, 10, 1));
    close(b!.validation, s(2, 2, 1));
    expect(Object.keys(a!)).not.toContain('decision');
  });

  it('per measure: the closing goes with the measure its money went to', () => {
    const [babysitting, summer, both] = result.byMeasure;
    expect(result.byMeasure.map((m) => m.measure)).toEqual(['babysitting', 'summer', 'both']);
    close(babysitting!.closing, s(3, 3.8, 3));
    close(babysitting!.validation, s(1, 1.4, 2));
    close(babysitting!.decision, s(3, 3, 1));
    close(summer!.closing, s(2, 2, 1));
    close(summer!.validation, s(2, 2, 1));
    close(summer!.decision, s(5, 5, 1));
    for (const step of ['closing', 'validation', 'decision'] as const) close(both![step], NONE);
  });

  it('an empty database has no figures, not zeros', async () => {
    const empty = await freshDb();
    try {
      const r = await stepTimes(empty.db);
      expect(r.overall).toEqual({ closing: NONE, validation: NONE, decision: NONE });
      expect(r.byProvider).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
