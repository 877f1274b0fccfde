import 'server-only';
import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { localFeastDays, measureParameters, pes } from '@/db/schema';
import type { MeasureTerms } from '@/lib/domain/terms';
import type { Measure } from './measures';

/** What a due date is computed from: each measure's terms and the office's local feast days. */
export type TermCalendar = { terms: Partial<Record<Measure, MeasureTerms>>; localFeasts: string[] };

export async function termCalendar(db: DbOrTx): Promise<TermCalendar> {
  const rows = await db
    .select({
      measure: measureParameters.measure,
      providerClose: measureParameters.closeTermWorkingDays,
      providerValidate: measureParameters.validateTermWorkingDays,
      officeDecision: measureParameters.decisionTermDays,
      familyIntegration: measureParameters.integrationTermDays,
    })
    .from(measureParameters);
  const feasts = await localFeasts(db);
  const terms: TermCalendar['terms'] = {};
  for (const { measure, ...t } of rows) terms[measure as Measure] = t;
  return { terms, localFeasts: feasts.map((f) => f.monthDay) };
}

export async function localFeasts(db: DbOrTx) {
  return db
    .select({ monthDay: localFeastDays.monthDay, label: localFeastDays.label })
    .from(localFeastDays)
    .orderBy(asc(localFeastDays.monthDay));
}

/** The measures of a conversion's live new PES: its office and integration terms are theirs. */
export async function conversionMeasures(db: DbOrTx, conversionId: string): Promise<Measure[]> {
  const rows = await db
    .selectDistinct({ kind: pes.kind })
    .from(pes)
    .where(and(eq(pes.conversionId, conversionId), notInArray(pes.status, ['deleted', 'cancelled'])));
  return rows.map((r) => r.kind).filter((k): k is Measure => k !== 'standard');
}

/** The terms of these measures (all measures when none is named). */
export function termsOf(calendar: TermCalendar, measures: readonly Measure[]): MeasureTerms[] {
  const all = Object.entries(calendar.terms) as [Measure, MeasureTerms][];
  const chosen = measures.length ? all.filter(([m]) => measures.includes(m)) : all;
  return chosen.map(([, t]) => t);
}
