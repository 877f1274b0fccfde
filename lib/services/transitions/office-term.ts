import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions } from '@/db/schema';
import { conversionMeasures, termCalendar, termsOf } from '@/db/queries/term-calendar';
import {
  resumeOfficeTerm,
  startOfficeTerm,
  strictestDueAt,
  strictestTerm,
  suspendOfficeTerm,
  type OfficeTermState,
} from '@/lib/domain/terms';

type Conversion = typeof conversions.$inferSelect;

function stateOf(c: Conversion): OfficeTermState | null {
  if (c.decisionTermDays === null) return null;
  return {
    termDays: c.decisionTermDays,
    daysUsed: c.decisionDaysUsed,
    dueAt: c.decisionDueAt,
    suspendedAt: c.decisionSuspendedAt,
  };
}

/**
 * On submission the office's term starts (its length fixed now, so a later change of the measure's term
 * does not move it); on a resubmission after a request for integration it resumes with the days already
 * used kept (Law 241/1990 art. 2 c. 7). Runs in the submission's transaction.
 */
export async function startOrResumeOfficeTerm(tx: Tx, conversion: Conversion, now: Date): Promise<Date> {
  const calendar = await termCalendar(tx);
  const previous = stateOf(conversion);
  const next = previous
    ? resumeOfficeTerm(previous, now, calendar.localFeasts)
    : startOfficeTerm(
        now,
        strictestTerm('officeDecision', termsOf(calendar, await conversionMeasures(tx, conversion.id))),
        calendar.localFeasts,
      );
  await tx
    .update(conversions)
    .set({
      decisionTermDays: next.termDays,
      decisionDaysUsed: next.daysUsed,
      decisionDueAt: next.dueAt,
      decisionSuspendedAt: null,
      integrationDueAt: null,
    })
    .where(eq(conversions.id, conversion.id));
  return next.dueAt!;
}

/**
 * Richiedi integrazione suspends the office's term (the days used since the last submission are added up)
 * and starts the family's term to answer. `conversion` is the row as it was submitted.
 */
export async function suspendOfficeTermForIntegration(
  tx: Tx,
  conversion: Conversion,
  now: Date,
): Promise<{ integrationDueAt: Date; daysUsed: number; termDays: number | null }> {
  const calendar = await termCalendar(tx);
  const measures = await conversionMeasures(tx, conversion.id);
  const integrationDueAt = strictestDueAt('familyIntegration', now, termsOf(calendar, measures), calendar.localFeasts);
  const previous = stateOf(conversion);
  // A conversion submitted before terms existed has no running term to suspend.
  const next = previous && conversion.submittedAt ? suspendOfficeTerm(previous, conversion.submittedAt, now) : null;
  await tx
    .update(conversions)
    .set({
      decisionDaysUsed: next?.daysUsed ?? 0,
      decisionDueAt: null,
      decisionSuspendedAt: now,
      integrationDueAt,
    })
    .where(eq(conversions.id, conversion.id));
  return { integrationDueAt, daysUsed: next?.daysUsed ?? 0, termDays: next?.termDays ?? null };
}
