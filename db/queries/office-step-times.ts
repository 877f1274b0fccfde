import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { MEASURE_CTES } from './measure-ctes';
import { rowsOf } from './rows-of';

export const STEPS = ['closing', 'validation', 'decision'] as const;
export type Step = (typeof STEPS)[number];
/** The provider's steps: the office decision is not the provider's, so it is not shown per provider. */
export const PROVIDER_STEPS = ['closing', 'validation'] as const satisfies readonly Step[];
export const STEP_MEASURES = ['babysitting', 'summer', 'both'] as const;
export type StepMeasure = (typeof STEP_MEASURES)[number];

/** Days a finished step took: median, 90th percentile (continuous, like PostgreSQL's percentile_cont), how many. */
export type StepStat = { medianDays: number | null; p90Days: number | null; count: number };
export type StepTimes = {
  overall: Record<Step, StepStat>;
  byProvider: ({ providerId: string; name: string } & Record<(typeof PROVIDER_STEPS)[number], StepStat>)[];
  byMeasure: ({ measure: StepMeasure } & Record<Step, StepStat>)[];
};

const NONE: StepStat = { medianDays: null, p90Days: null, count: 0 };

type Row = {
  step: Step;
  provider_id: string | null;
  provider_name: string | null;
  measure: StepMeasure | null;
  by_provider: number;
  by_measure: number;
  median: number | string | null;
  p90: number | string | null;
  n: number | string;
};

/*
 * Every finished step as one sample (step, provider, measure, days), then one GROUPING SETS pass: overall,
 * per provider, per measure. Only finished steps count; what is still waiting is the terms' business.
 * - closing: an original PES from Richiedi chiusura (close_requested_at) to Chiudi PES (closed_at). Its
 *   measure is that of the voucher's latest conversion (what the freed money went to).
 * - validation: a new PES from its latest validation request to the provider's decision (validated or
 *   rejected). A PES changed and sent again counts its last round only (the columns keep the last one).
 * - decision: a conversion decided for good (Convalida or Respingi), from each signed submission to the
 *   office's next act, summed over the rounds: the time the file was back with the family for integration
 *   (from Richiedi integrazione to the next signature) is left out, as the law suspends the term. A round
 *   whose Richiedi integrazione event is missing counts until the next signature (never less than the
 *   office had). Its measure is that of the conversion's live new PES.
 */
const STEP_TIMES = sql`
with ${MEASURE_CTES},
rounds as (
  select s.conversion_id, s.submitted_at,
    lead(s.submitted_at) over (partition by s.conversion_id order by s.submitted_at, s.id) as next_submitted_at
  from conversion_submissions s
  join conversions c on c.id = s.conversion_id
  where c.status in ('approved', 'rejected') and c.decided_at is not null
),
office_rounds as (
  select r.conversion_id,
    coalesce(
      case when r.next_submitted_at is null then c.decided_at
      else (select min(a.at) from audit_events a
            where a.entity_type = 'voucher' and a.entity_id = c.voucher_id::text
              and a.action = 'conversion.returned' and a.at >= r.submitted_at and a.at <= r.next_submitted_at)
      end,
      r.next_submitted_at) - r.submitted_at as spent
  from rounds r join conversions c on c.id = r.conversion_id
),
samples as (
  select 'closing' as step, p.provider_id, vm.measure,
    extract(epoch from (p.closed_at - p.close_requested_at))::float8 / 86400 as days
  from pes p left join voucher_measure vm on vm.voucher_id = p.voucher_id
  where p.kind = 'standard' and p.closed_at >= p.close_requested_at
  union all
  select 'validation', p.provider_id, case p.kind when 'babysitting_covid' then 'babysitting' else 'summer' end,
    extract(epoch from (p.decided_at - p.validation_requested_at))::float8 / 86400
  from pes p
  where p.kind <> 'standard' and p.decided_at >= p.validation_requested_at
  union all
  select 'decision', null::uuid, cm.measure, extract(epoch from sum(o.spent))::float8 / 86400
  from office_rounds o left join conversion_measure cm on cm.conversion_id = o.conversion_id
  group by o.conversion_id, cm.measure
  having min(o.spent) >= interval '0'
)
select s.step, s.provider_id, pr.name as provider_name, s.measure,
  1 - grouping(s.provider_id) as by_provider, 1 - grouping(s.measure) as by_measure,
  percentile_cont(0.5) within group (order by s.days) as median,
  percentile_cont(0.9) within group (order by s.days) as p90,
  count(*)::int as n
from samples s left join providers pr on pr.id = s.provider_id
group by grouping sets ((s.step), (s.step, s.provider_id, pr.name), (s.step, s.measure))
`;

const stat = (r: Row): StepStat => ({
  medianDays: r.median === null ? null : Number(r.median),
  p90Days: r.p90 === null ? null : Number(r.p90),
  count: Number(r.n),
});

/** Median and 90th percentile of the days each step took, overall, per provider and per measure: one statement. */
export async function stepTimes(db: DbOrTx): Promise<StepTimes> {
  const rows = rowsOf<Row>(await db.execute(STEP_TIMES));
  const overallRows = rows.filter((r) => !Number(r.by_provider) && !Number(r.by_measure));
  const providerRows = rows.filter((r) => Number(r.by_provider) && r.provider_id !== null);
  const measureRows = rows.filter((r) => Number(r.by_measure) && r.measure !== null);
  const find = (list: Row[], step: Step, pred: (r: Row) => boolean) => {
    const r = list.find((x) => x.step === step && pred(x));
    return r ? stat(r) : NONE;
  };
  const providers = new Map<string, string>();
  for (const r of providerRows) providers.set(r.provider_id!, r.provider_name ?? '');
  return {
    overall: Object.fromEntries(STEPS.map((s) => [s, find(overallRows, s, () => true)])) as Record<Step, StepStat>,
    byProvider: [...providers.entries()]
      .sort(([, a], [, b]) => a.localeCompare(b, 'it'))
      .map(([providerId, name]) => ({
        providerId,
        name,
        closing: find(providerRows, 'closing', (r) => r.provider_id === providerId),
        validation: find(providerRows, 'validation', (r) => r.provider_id === providerId),
      })),
    byMeasure: STEP_MEASURES.map((measure) => ({
      measure,
      closing: find(measureRows, 'closing', (r) => r.measure === measure),
      validation: find(measureRows, 'validation', (r) => r.measure === measure),
      decision: find(measureRows, 'decision', (r) => r.measure === measure),
    })),
  };
}
