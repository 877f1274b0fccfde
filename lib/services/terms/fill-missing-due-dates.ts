import 'server-only';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, pes } from '@/db/schema';
import { conversionMeasures, termCalendar, termsOf } from '@/db/queries/term-calendar';
import type { Measure } from '@/db/queries/measures';
import { startOfficeTerm, strictestDueAt, strictestTerm, suspendOfficeTerm } from '@/lib/domain/terms';

const BEING_CORRECTED = ['returned', 'draft', 'awaiting_validation', 'ready_to_submit'] as const;

/**
 * Steps that were already waiting when the terms arrived (or demo data written without them) get the due
 * date they would have had, from when they started and today's terms. Only empty due dates are filled, so
 * running it again changes nothing; the partial indexes on the waiting statuses find them.
 */
export async function fillMissingDueDates(db: DbOrTx): Promise<{ pes: number; conversions: number }> {
  const calendar = await termCalendar(db);
  const all = termsOf(calendar, []);
  let pesFilled = 0;
  const closing = await db
    .select({ id: pes.id, at: pes.closeRequestedAt })
    .from(pes)
    .where(and(eq(pes.status, 'close_requested'), isNull(pes.closeDueAt), isNotNull(pes.closeRequestedAt)));
  for (const p of closing) {
    const closeDueAt = strictestDueAt('providerClose', p.at!, all, calendar.localFeasts);
    await db
      .update(pes)
      .set({ closeDueAt })
      .where(and(eq(pes.id, p.id), isNull(pes.closeDueAt)));
    pesFilled++;
  }
  const validating = await db
    .select({ id: pes.id, at: pes.validationRequestedAt, kind: pes.kind })
    .from(pes)
    .where(
      and(eq(pes.status, 'awaiting_validation'), isNull(pes.validationDueAt), isNotNull(pes.validationRequestedAt)),
    );
  for (const p of validating) {
    const terms = termsOf(calendar, [p.kind as Measure]);
    const validationDueAt = strictestDueAt('providerValidate', p.at!, terms, calendar.localFeasts);
    await db
      .update(pes)
      .set({ validationDueAt })
      .where(and(eq(pes.id, p.id), isNull(pes.validationDueAt)));
    pesFilled++;
  }

  let convFilled = 0;
  const waiting = await db
    .select()
    .from(conversions)
    .where(
      and(
        inArray(conversions.status, ['submitted', ...BEING_CORRECTED]),
        isNotNull(conversions.submittedAt),
        isNull(conversions.decisionTermDays),
      ),
    );
  for (const c of waiting) {
    const terms = termsOf(calendar, await conversionMeasures(db, c.id));
    const started = startOfficeTerm(c.submittedAt!, strictestTerm('officeDecision', terms), calendar.localFeasts);
    // Returned for integration (decided_at is when the office asked): suspended since then.
    const state =
      c.status !== 'submitted' && c.decidedAt ? suspendOfficeTerm(started, c.submittedAt!, c.decidedAt) : started;
    await db
      .update(conversions)
      .set({
        decisionTermDays: state.termDays,
        decisionDaysUsed: state.daysUsed,
        decisionDueAt: state.dueAt,
        decisionSuspendedAt: state.suspendedAt,
        integrationDueAt: state.suspendedAt
          ? strictestDueAt('familyIntegration', state.suspendedAt, terms, calendar.localFeasts)
          : null,
      })
      .where(and(eq(conversions.id, c.id), isNull(conversions.decisionTermDays)));
    convFilled++;
  }
  return { pes: pesFilled, conversions: convFilled };
}
