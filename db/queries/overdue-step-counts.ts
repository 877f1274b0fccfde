import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { MEASURE_CTES } from './measure-ctes';
import { rowsOf } from './rows-of';
import { integrationOverdue, officeTermPassed, providerStepOverdue } from './waiting-steps';

/** Who has to act: the provider (closing, validation), the office (decision), the family (integration). */
export const OVERDUE_STEPS = ['closing', 'validation', 'decision', 'integration'] as const;
export type OverdueStep = (typeof OVERDUE_STEPS)[number];
/** `none`: a closing asked before the family chose its new services, so no measure yet. */
export const OVERDUE_MEASURES = ['babysitting', 'summer', 'both', 'none'] as const;
export type OverdueMeasure = (typeof OVERDUE_MEASURES)[number];

export type OverdueCounts = {
  total: number;
  byStep: ({ step: OverdueStep; total: number } & Record<OverdueMeasure, number>)[];
  byProvider: { providerId: string; name: string; closing: number; validation: number; total: number }[];
};

type Row = {
  step: OverdueStep;
  provider_id: string | null;
  provider_name: string | null;
  measure: OverdueMeasure | null;
  by_provider: number | string;
  by_measure: number | string;
  n: number | string;
};

/*
 * Every step past its stored due date at `now`, with the same predicates as the reminders and «In ritardo»
 * (db/queries/waiting-steps), then one GROUPING SETS pass: per step, per step and provider, per step and
 * measure. A conversion returned for integration is the family's step: the office's term is suspended
 * (decision_due_at is null), so it cannot count as the office's. A decided step has left its waiting status.
 */
function overdueSql(now: Date) {
  return sql`
with ${MEASURE_CTES},
late as (
  select case when pes.status = 'close_requested' then 'closing' else 'validation' end as step,
    pes.provider_id,
    case pes.kind when 'standard' then coalesce(vm.measure, 'none')
      when 'babysitting_covid' then 'babysitting' else 'summer' end as measure
  from pes left join voucher_measure vm on vm.voucher_id = pes.voucher_id
  where ${providerStepOverdue(now)}
  union all
  select case when conversions.status = 'submitted' then 'decision' else 'integration' end, null::uuid,
    coalesce(cm.measure, 'none')
  from conversions left join conversion_measure cm on cm.conversion_id = conversions.id
  where ${officeTermPassed(now)} or ${integrationOverdue(now)}
)
select l.step, l.provider_id, pr.name as provider_name, l.measure,
  1 - grouping(l.provider_id) as by_provider, 1 - grouping(l.measure) as by_measure, count(*)::int as n
from late l left join providers pr on pr.id = l.provider_id
group by grouping sets ((l.step), (l.step, l.provider_id, pr.name), (l.step, l.measure))
`;
}

/** How many steps are overdue right now, per step, per provider and per measure: one statement. */
export async function overdueStepCounts(db: DbOrTx, now: Date): Promise<OverdueCounts> {
  const rows = rowsOf<Row>(await db.execute(overdueSql(now)));
  const count = (pred: (r: Row) => boolean, list = rows) => list.filter(pred).reduce((s, r) => s + Number(r.n), 0);
  const overall = (r: Row) => !Number(r.by_provider) && !Number(r.by_measure);
  const byStep = OVERDUE_STEPS.map((step) => {
    const cells = Object.fromEntries(
      OVERDUE_MEASURES.map((m) => [m, count((r) => Number(r.by_measure) === 1 && r.step === step && r.measure === m)]),
    ) as Record<OverdueMeasure, number>;
    return { step, ...cells, total: count((r) => overall(r) && r.step === step) };
  });
  const providerRows = rows.filter((r) => Number(r.by_provider) === 1 && r.provider_id !== null);
  const providers = new Map<string, string>();
  for (const r of providerRows) providers.set(r.provider_id!, r.provider_name ?? '');
  const byProvider = [...providers.entries()]
    .map(([providerId, name]) => {
      const of = (step: OverdueStep) => count((r) => r.provider_id === providerId && r.step === step, providerRows);
      const closing = of('closing');
      const validation = of('validation');
      return { providerId, name, closing, validation, total: closing + validation };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'it'));
  return { total: byStep.reduce((s, r) => s + r.total, 0), byStep, byProvider };
}
