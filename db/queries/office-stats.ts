import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, pes, providers } from '@/db/schema';
import type { NewPesKind } from '@/lib/domain/pes-kinds';
import { CONVERSION_STATUSES, type ConversionStatus } from '@/lib/domain/state-machines';

export const STAT_MEASURES = ['babysitting', 'summer', 'both', 'none'] as const;
export type StatMeasure = (typeof STAT_MEASURES)[number];

/** Three sums, stated on the page: approved conversions, conversions awaiting the office, every conversion. */
export type EuroColumns = { approvedCents: number; submittedCents: number; allCents: number };
export type OfficeStats = {
  byStatus: ({ status: ConversionStatus; total: number } & Record<StatMeasure, number>)[];
  euroByMeasure: ({ kind: NewPesKind } & EuroColumns)[];
  euroByProvider: ({ providerId: string; name: string } & EuroColumns)[];
  decisionDays: { status: 'all' | 'approved' | 'rejected' | 'returned'; medianDays: number | null; decided: number }[];
};

// A withdrawn (deleted) or provider-rejected PES converts no money and says nothing about the measure chosen.
const LIVE_PES = notInArray(pes.status, ['deleted', 'rejected']);
const DECIDED = ['approved', 'rejected', 'returned'] as const;

function euro(rows: { status: string; cents: number }[]): EuroColumns {
  const sum = (keep: (s: string) => boolean) => rows.filter((r) => keep(r.status)).reduce((s, r) => s + r.cents, 0);
  return {
    approvedCents: sum((s) => s === 'approved'),
    submittedCents: sum((s) => s === 'submitted'),
    allCents: sum(() => true),
  };
}

/**
 * The office's statistics in four statements whatever the data size, run together. The measure of a
 * conversion is read from its live new PES (babysitting, summer, both, or none yet); euro are the amounts
 * of those PES; decision time runs from the (latest) signed submission to the office's decision.
 */
export async function officeStats(db: DbOrTx): Promise<OfficeStats> {
  const perConversion = db.$with('per_conversion').as(
    db
      .select({
        conversionId: pes.conversionId,
        babysitting: sql<boolean>`bool_or(${pes.kind} = 'babysitting_covid')`.as('babysitting'),
        summer: sql<boolean>`bool_or(${pes.kind} = 'summer_covid')`.as('summer'),
      })
      .from(pes)
      .where(and(isNotNull(pes.conversionId), LIVE_PES))
      .groupBy(pes.conversionId),
  );
  const measure = sql<StatMeasure>`case when ${perConversion.babysitting} and ${perConversion.summer} then 'both' when ${perConversion.babysitting} then 'babysitting' when ${perConversion.summer} then 'summer' else 'none' end`;
  const cents = sql<number>`coalesce(sum(${pes.amountCents}), 0)::bigint`.mapWith(Number);
  const days = sql<number>`extract(epoch from (${conversions.decidedAt} - ${conversions.submittedAt})) / 86400.0`;

  const [statusRows, measureRows, providerRows, dayRows] = await Promise.all([
    db
      .with(perConversion)
      .select({ status: conversions.status, measure, n: count() })
      .from(conversions)
      .leftJoin(perConversion, eq(perConversion.conversionId, conversions.id))
      .groupBy(conversions.status, measure),
    db
      .select({ kind: pes.kind, status: conversions.status, cents })
      .from(pes)
      .innerJoin(conversions, eq(conversions.id, pes.conversionId))
      .where(LIVE_PES)
      .groupBy(pes.kind, conversions.status),
    db
      .select({ providerId: providers.id, name: providers.name, status: conversions.status, cents })
      .from(pes)
      .innerJoin(conversions, eq(conversions.id, pes.conversionId))
      .innerJoin(providers, eq(providers.id, pes.providerId))
      .where(LIVE_PES)
      .groupBy(providers.id, providers.name, conversions.status)
      .orderBy(asc(providers.name)),
    db
      .select({
        status: sql<string | null>`${conversions.status}`,
        medianDays: sql<number | null>`percentile_cont(0.5) within group (order by ${days})`.mapWith((v) =>
          v === null ? null : Number(v),
        ),
        decided: count(),
      })
      .from(conversions)
      .where(
        and(
          inArray(conversions.status, [...DECIDED]),
          isNotNull(conversions.submittedAt),
          sql`${conversions.decidedAt} >= ${conversions.submittedAt}`,
        ),
      )
      .groupBy(sql`grouping sets ((${conversions.status}), ())`),
  ]);

  const byStatus = CONVERSION_STATUSES.map((status) => {
    const cells = Object.fromEntries(
      STAT_MEASURES.map((m) => [m, statusRows.find((r) => r.status === status && r.measure === m)?.n ?? 0]),
    ) as Record<StatMeasure, number>;
    return { status, ...cells, total: STAT_MEASURES.reduce((s, m) => s + cells[m], 0) };
  });
  const kinds: NewPesKind[] = ['babysitting_covid', 'summer_covid'];
  const providerIds = [...new Set(providerRows.map((r) => r.providerId))];
  const dayFor = (status: string | null) => dayRows.find((r) => r.status === status);
  return {
    byStatus,
    euroByMeasure: kinds.map((kind) => ({ kind, ...euro(measureRows.filter((r) => r.kind === kind)) })),
    euroByProvider: providerIds.map((id) => {
      const rows = providerRows.filter((r) => r.providerId === id);
      return { providerId: id, name: rows[0]!.name, ...euro(rows) };
    }),
    decisionDays: (['all', ...DECIDED] as const).map((status) => {
      const row = dayFor(status === 'all' ? null : status);
      return { status, medianDays: row?.medianDays ?? null, decided: row?.decided ?? 0 };
    }),
  };
}
