import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { rowsOf } from '@/db/queries/rows-of';
import { termCalendar, termsOf } from '@/db/queries/term-calendar';
import type { Measure } from '@/db/queries/measures';
import { startOfficeTerm, strictestDueAt, strictestTerm, suspendOfficeTerm } from '@/lib/domain/terms';

/*
 * Steps that were already waiting when the terms arrived (or demo and bench data written without them) get
 * the due date they would have had, from when they started and today's terms. Only empty due dates are
 * filled, so running it again changes nothing. A due date depends only on the Rome day a step started (and
 * its measures), so the rows are grouped by that key: the domain computes each distinct key once and one
 * UPDATE per kind of step writes them all, whatever the number of rows (an upgraded database, the bench's
 * 100 000 conversions).
 */
const romeDay = (column: string) => sql.raw(`(${column} at time zone 'Europe/Rome')::date::text`);

const CLOSING = sql`pes.status = 'close_requested' and pes.close_due_at is null and pes.close_requested_at is not null`;
const VALIDATING = sql`pes.status = 'awaiting_validation' and pes.validation_due_at is null and pes.validation_requested_at is not null`;
// Each conversion with its key: the day it was signed, the day it went back to the family (if it did) and
// the measures of its live new PES, whose strictest terms apply.
const WAITING_CONVERSIONS = sql`keyed as (
  select c.id, ${romeDay('c.submitted_at')} as submitted_day,
    case when c.status <> 'submitted' and c.decided_at is not null then ${romeDay('c.decided_at')} end as returned_day,
    coalesce(m.babysitting, false) as babysitting, coalesce(m.summer, false) as summer
  from conversions c
  left join lateral (
    select bool_or(n.kind = 'babysitting_covid') as babysitting, bool_or(n.kind = 'summer_covid') as summer
    from pes n where n.conversion_id = c.id and n.status not in ('deleted', 'cancelled')
  ) m on true
  where c.status in ('submitted', 'returned', 'draft', 'awaiting_validation', 'ready_to_submit')
    and c.submitted_at is not null and c.decision_term_days is null
)`;

const values = (rows: SQL[]) => sql.join(rows, sql`, `);
const count = async (db: DbOrTx, q: SQL) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]?.n ?? 0);
/** A Rome day as the instant its steps started, for the domain (which reads the Rome day back). */
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

export async function fillMissingDueDates(db: DbOrTx): Promise<{ pes: number; conversions: number }> {
  const calendar = await termCalendar(db);
  const feasts = calendar.localFeasts;
  const all = termsOf(calendar, []);
  let pesFilled = 0;

  const closingDays = rowsOf<{ day: string }>(
    await db.execute(sql`select distinct ${romeDay('pes.close_requested_at')} as day from pes where ${CLOSING}`),
  );
  if (closingDays.length) {
    const due = closingDays.map(
      ({ day }) =>
        sql`(${day}, ${strictestDueAt('providerClose', noonOf(day), all, feasts).toISOString()}::timestamptz)`,
    );
    pesFilled += await count(
      db,
      sql`with d(day, due) as (values ${values(due)}),
        u as (update pes set close_due_at = d.due from d
          where ${CLOSING} and ${romeDay('pes.close_requested_at')} = d.day returning 1)
        select count(*)::int as n from u`,
    );
  }

  const validationKeys = rowsOf<{ day: string; kind: Measure }>(
    await db.execute(
      sql`select distinct ${romeDay('pes.validation_requested_at')} as day, pes.kind from pes where ${VALIDATING}`,
    ),
  );
  if (validationKeys.length) {
    const due = validationKeys.map(({ day, kind }) => {
      const at = strictestDueAt('providerValidate', noonOf(day), termsOf(calendar, [kind]), feasts);
      return sql`(${day}, ${kind}, ${at.toISOString()}::timestamptz)`;
    });
    pesFilled += await count(
      db,
      sql`with d(day, kind, due) as (values ${values(due)}),
        u as (update pes set validation_due_at = d.due from d
          where ${VALIDATING} and ${romeDay('pes.validation_requested_at')} = d.day and pes.kind = d.kind returning 1)
        select count(*)::int as n from u`,
    );
  }

  type Key = { submitted_day: string; returned_day: string | null; babysitting: boolean; summer: boolean };
  const conversionKeys = rowsOf<Key>(
    await db.execute(
      sql`with ${WAITING_CONVERSIONS} select distinct submitted_day, returned_day, babysitting, summer from keyed`,
    ),
  );
  if (!conversionKeys.length) return { pes: pesFilled, conversions: 0 };
  const terms = conversionKeys.map((k) => {
    const measures: Measure[] = [
      ...(k.babysitting ? (['babysitting_covid'] as const) : []),
      ...(k.summer ? (['summer_covid'] as const) : []),
    ];
    const measureTerms = termsOf(calendar, measures);
    const started = startOfficeTerm(noonOf(k.submitted_day), strictestTerm('officeDecision', measureTerms), feasts);
    // Returned for integration (decided_at is when the office asked): suspended since then.
    const returned = k.returned_day ? noonOf(k.returned_day) : null;
    const state = returned ? suspendOfficeTerm(started, noonOf(k.submitted_day), returned) : started;
    const integrationDue = returned ? strictestDueAt('familyIntegration', returned, measureTerms, feasts) : null;
    return sql`(${k.submitted_day}, ${k.returned_day}::text, ${k.babysitting}::boolean, ${k.summer}::boolean,
      ${state.termDays}::int, ${state.daysUsed}::int, ${state.dueAt?.toISOString() ?? null}::timestamptz,
      ${integrationDue?.toISOString() ?? null}::timestamptz)`;
  });
  const conversions = await count(
    db,
    sql`with ${WAITING_CONVERSIONS},
      d(submitted_day, returned_day, babysitting, summer, term_days, days_used, due_at, integration_due_at) as (
        values ${values(terms)}),
      u as (update conversions c set decision_term_days = d.term_days, decision_days_used = d.days_used,
          decision_due_at = d.due_at,
          decision_suspended_at = case when d.returned_day is null then null else c.decided_at end,
          integration_due_at = d.integration_due_at
        from keyed k join d on d.submitted_day = k.submitted_day and d.returned_day is not distinct from k.returned_day
          and d.babysitting = k.babysitting and d.summer = k.summer
        where c.id = k.id and c.decision_term_days is null
        returning 1)
      select count(*)::int as n from u`,
  );
  return { pes: pesFilled, conversions };
}
