import 'server-only';
import type { Tx } from '@/db/open';
import { termCalendar } from '@/db/queries/term-calendar';
import { integrationAnswersDue, officeTermsPassed, providersWithWaitingSteps } from '@/db/queries/waiting-steps';
import { addDays, isoDate } from '@/lib/domain/dates';
import { endOfRomeDay } from '@/lib/domain/terms';
import { isWorkingDay } from '@/lib/domain/working-days';
import { fillMissingDueDates } from '@/lib/services/terms/fill-missing-due-dates';
import { enqueueJob } from './enqueue-job';

/** The family is reminded this many calendar days before its answer is due (or at once, if fewer are left). */
export const INTEGRATION_REMINDER_DAYS = 3;

/**
 * The day's fan-out, each job keyed so it happens once whatever reruns: on working days one digest per
 * provider with PES waiting and the office's digest; every day the families' reminders.
 */
export async function planDaily(tx: Tx, day: string, now: Date): Promise<Record<string, unknown>> {
  // A database upgraded from before the terms has steps waiting with no due date: they get theirs here, once
  // (only empty dates are filled), so no migration script has to know the terms.
  const backfilled = await fillMissingDueDates(tx);
  const calendar = await termCalendar(tx);
  let providers = 0;
  const working = isWorkingDay(day, calendar.localFeasts);
  if (working) {
    for (const providerId of await providersWithWaitingSteps(tx)) {
      if (
        await enqueueJob(tx, {
          key: `digest:provider:${providerId}:${day}`,
          kind: 'provider_digest',
          payload: { providerId, day },
          runAfter: now,
        })
      )
        providers++;
    }
    await enqueueJob(tx, { key: `digest:office:${day}`, kind: 'office_digest', payload: { day }, runAfter: now });
  }
  let reminders = 0;
  const remindUntil = endOfRomeDay(addDays(day, INTEGRATION_REMINDER_DAYS));
  for (const c of await integrationAnswersDue(tx, now, new Date(remindUntil.getTime() + 1000))) {
    // One reminder per request: a new request for integration has a new due date, so a new key.
    const dueDay = isoDate(c.integrationDueAt!);
    if (
      await enqueueJob(tx, {
        key: `reminder:integration:${c.id}:${dueDay}`,
        kind: 'family_integration_reminder',
        payload: { conversionId: c.id },
        runAfter: now,
      })
    )
      reminders++;
  }
  let passed = 0;
  for (const c of await officeTermsPassed(tx, now)) {
    const dueDay = isoDate(c.decisionDueAt!);
    if (
      await enqueueJob(tx, {
        key: `reminder:office-term-passed:${c.id}:${dueDay}`,
        kind: 'family_office_term_passed',
        payload: { conversionId: c.id },
        runAfter: now,
      })
    )
      passed++;
  }
  return {
    working,
    backfilled,
    providerDigests: providers,
    integrationReminders: reminders,
    officeTermsPassed: passed,
  };
}
