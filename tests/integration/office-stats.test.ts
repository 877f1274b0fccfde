import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeStats, STAT_MEASURES, type StatMeasure } from '@/db/queries/office-stats';
import { conversions, pes, providers, vouchers } from '@/db/schema';
import { importVouchers } from '@/lib/services/office/admin/import-vouchers';
import { CONVERSION_STATUSES } from '@/lib/domain/state-machines';
import { demoActors, seeded, TODAY } from './support/fixtures';
import { manyFamilies, toCsv } from './support/import-csv';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
const DAY = 86_400_000;
const NOW = new Date(`${TODAY}T10:00:00Z`);
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

type NewPes = {
  kind: 'babysitting_covid' | 'summer_covid';
  provider: 'PRV1' | 'PRV2';
  cents: number;
  status: 'validated' | 'deleted' | 'rejected' | 'draft';
};
type Scenario = {
  status: (typeof CONVERSION_STATUSES)[number];
  submittedDaysAgo?: number;
  decidedDaysAgo?: number;
  pes: NewPes[];
};

const SCENARIOS: Scenario[] = [
  {
    status: 'approved',
    submittedDaysAgo: 10,
    decidedDaysAgo: 3,
    pes: [
      { kind: 'babysitting_covid', provider: 'PRV1', cents: 72_000, status: 'validated' },
      { kind: 'summer_covid', provider: 'PRV2', cents: 10_000, status: 'deleted' },
    ],
  },
  {
    status: 'approved',
    submittedDaysAgo: 5,
    decidedDaysAgo: 4.5,
    pes: [
      { kind: 'summer_covid', provider: 'PRV2', cents: 50_000, status: 'validated' },
      { kind: 'babysitting_covid', provider: 'PRV1', cents: 30_000, status: 'validated' },
    ],
  },
  {
    status: 'rejected',
    submittedDaysAgo: 8,
    decidedDaysAgo: 1,
    pes: [{ kind: 'summer_covid', provider: 'PRV2', cents: 40_000, status: 'validated' }],
  },
  {
    status: 'returned',
    submittedDaysAgo: 6,
    decidedDaysAgo: 2,
    pes: [{ kind: 'summer_covid', provider: 'PRV1', cents: 25_000, status: 'validated' }],
  },
  {
    status: 'submitted',
    submittedDaysAgo: 1,
    pes: [{ kind: 'babysitting_covid', provider: 'PRV1', cents: 45_000, status: 'validated' }],
  },
  { status: 'draft', pes: [{ kind: 'summer_covid', provider: 'PRV2', cents: 5_000, status: 'rejected' }] },
];

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  const { office } = await demoActors(t.db);
  // Vouchers for the conversions come in through the import, the way the office loads them.
  await importVouchers(
    t.db,
    office,
    { bytes: toCsv(manyFamilies(TODAY, SCENARIOS.length)), name: 'stat.csv' },
    { baseUrl: 'http://x', now: NOW },
  );
  const vs = await t.db
    .select()
    .from(vouchers)
    .where(
      inArray(
        vouchers.number,
        SCENARIOS.map((_, i) => `IMP-${String(i).padStart(6, '0')}`),
      ),
    );
  const prv = new Map((await t.db.select().from(providers)).map((p) => [p.code, p.id]));
  for (const [i, s] of SCENARIOS.entries()) {
    const voucher = vs.find((v) => v.number === `IMP-${String(i).padStart(6, '0')}`)!;
    const [c] = await t.db
      .insert(conversions)
      .values({
        voucherId: voucher.id,
        status: s.status,
        submittedAt: s.submittedDaysAgo === undefined ? null : ago(s.submittedDaysAgo),
        decidedAt: s.decidedDaysAgo === undefined ? null : ago(s.decidedDaysAgo),
      })
      .returning();
    for (const [k, p] of s.pes.entries()) {
      await t.db
        .insert(pes)
        .values({
          code: `${voucher.number}/N${k}`,
          voucherId: voucher.id,
          conversionId: c!.id,
          providerId: prv.get(p.provider)!,
          kind: p.kind,
          band: 'C',
          hours: 10,
          amountCents: p.cents,
          status: p.status,
        });
    }
  }
});
afterAll(() => t.close());

/** The same figures computed in JavaScript from every row in the database: the SQL must agree. */
async function reference() {
  const convs = await t.db.select().from(conversions);
  const live = (await t.db.select().from(pes)).filter(
    (p) => p.conversionId && p.status !== 'deleted' && p.status !== 'rejected',
  );
  const measureOf = (id: string): StatMeasure => {
    const kinds = new Set(live.filter((p) => p.conversionId === id).map((p) => p.kind));
    return kinds.has('babysitting_covid') && kinds.has('summer_covid')
      ? 'both'
      : kinds.has('babysitting_covid')
        ? 'babysitting'
        : kinds.has('summer_covid')
          ? 'summer'
          : 'none';
  };
  const statusOf = new Map(convs.map((c) => [c.id, c.status]));
  const sum = (rows: typeof live, keep: (s: string) => boolean) =>
    rows.filter((p) => keep(statusOf.get(p.conversionId!)!)).reduce((s, p) => s + p.amountCents, 0);
  const euro = (rows: typeof live) => ({
    approvedCents: sum(rows, (s) => s === 'approved'),
    submittedCents: sum(rows, (s) => s === 'submitted'),
    allCents: sum(rows, () => true),
  });
  const median = (xs: number[]) => {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    const mid = (s.length - 1) / 2;
    return (s[Math.floor(mid)]! + s[Math.ceil(mid)]!) / 2;
  };
  const decided = convs.filter(
    (c) =>
      ['approved', 'rejected', 'returned'].includes(c.status) &&
      c.submittedAt &&
      c.decidedAt &&
      c.decidedAt >= c.submittedAt,
  );
  const daysOf = (cs: typeof decided) => cs.map((c) => (c.decidedAt!.getTime() - c.submittedAt!.getTime()) / DAY);
  return {
    byStatus: CONVERSION_STATUSES.map((status) => {
      const cs = convs.filter((c) => c.status === status);
      const cells = Object.fromEntries(STAT_MEASURES.map((m) => [m, cs.filter((c) => measureOf(c.id) === m).length]));
      return { status, ...cells, total: cs.length };
    }),
    euroByMeasure: (['babysitting_covid', 'summer_covid'] as const).map((kind) => ({
      kind,
      ...euro(live.filter((p) => p.kind === kind)),
    })),
    euroByProvider: Object.fromEntries(
      [...new Set(live.map((p) => p.providerId))].map((id) => [id, euro(live.filter((p) => p.providerId === id))]),
    ),
    decisionDays: [
      { status: 'all', medianDays: median(daysOf(decided)), decided: decided.length },
      ...(['approved', 'rejected', 'returned'] as const).map((s) => {
        const cs = decided.filter((c) => c.status === s);
        return { status: s, medianDays: median(daysOf(cs)), decided: cs.length };
      }),
    ],
  };
}

describe('office statistics', () => {
  it('count conversions per status and measure, as the rows say', async () => {
    const [stats, ref] = await Promise.all([officeStats(t.db), reference()]);
    expect(stats.byStatus).toEqual(ref.byStatus);
    expect(stats.byStatus.find((r) => r.status === 'approved')).toMatchObject({ babysitting: 1, both: 1, total: 2 });
    expect(stats.byStatus.find((r) => r.status === 'draft')).toMatchObject({ none: 1 });
  });

  it('sum euro of live new PES per measure and per provider: approved, awaiting decision, all', async () => {
    const [stats, ref] = await Promise.all([officeStats(t.db), reference()]);
    expect(stats.euroByMeasure).toEqual(ref.euroByMeasure);
    expect(Object.fromEntries(stats.euroByProvider.map(({ providerId, name: _n, ...e }) => [providerId, e]))).toEqual(
      ref.euroByProvider,
    );
    const approvedBabysitting = SCENARIOS.filter((s) => s.status === 'approved')
      .flatMap((s) => s.pes)
      .filter((p) => p.kind === 'babysitting_covid' && p.status === 'validated');
    expect(stats.euroByMeasure[0]!.approvedCents).toBe(approvedBabysitting.reduce((s, p) => s + p.cents, 0));
    const [prv1] = await t.db.select().from(providers).where(eq(providers.code, 'PRV1'));
    expect(stats.euroByProvider.find((p) => p.providerId === prv1!.id)?.name).toBe(prv1!.name);
  });

  it('give the median days from submission to decision with percentile_cont, overall and per decision', async () => {
    const [stats, ref] = await Promise.all([officeStats(t.db), reference()]);
    expect(
      stats.decisionDays.map((d) => ({
        ...d,
        medianDays: d.medianDays === null ? null : Number(d.medianDays.toFixed(6)),
      })),
    ).toEqual(
      ref.decisionDays.map((d) => ({
        ...d,
        medianDays: d.medianDays === null ? null : Number(d.medianDays.toFixed(6)),
      })),
    );
    const decidedScenarios = SCENARIOS.filter((s) => s.decidedDaysAgo !== undefined).length;
    expect(stats.decisionDays[0]).toMatchObject({ status: 'all', decided: decidedScenarios });
  });
});
