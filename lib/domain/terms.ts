import { addDays, isoDate, romeDayStart } from './dates';
import { calendarDaysBetween } from './term-standing';
import { addWorkingDays, nextWorkingDayFrom, type LocalFeasts } from './working-days';

/**
 * The terms of the waiting steps (issue 19): who must act, within how many days, counted how. Working-day
 * terms skip weekends and holidays; calendar-day terms count every day, and a due day that is not a working
 * day moves to the next working one. A term ends at 23:59:59 Europe/Rome of its due day.
 */
export const TERM_STEPS = ['providerClose', 'providerValidate', 'officeDecision', 'familyIntegration'] as const;
export type TermStep = (typeof TERM_STEPS)[number];
export type DayCount = 'working' | 'calendar';

export const TERM_RULES: Record<TermStep, { count: DayCount; defaultDays: number }> = {
  providerClose: { count: 'working', defaultDays: 10 },
  providerValidate: { count: 'working', defaultDays: 5 },
  officeDecision: { count: 'calendar', defaultDays: 30 },
  familyIntegration: { count: 'calendar', defaultDays: 10 },
};

export const MIN_TERM_DAYS = 1;
export const MAX_TERM_DAYS = 365;

export type MeasureTerms = Record<TermStep, number>;

/** The last instant of a Rome calendar day (23:59:59), whatever the daylight-saving offset that day. */
export function endOfRomeDay(iso: string): Date {
  return new Date(romeDayStart(addDays(iso, 1)).getTime() - 1000);
}

/** The calendar day (Rome) the term of `days` started at `start` falls due. */
export function dueDay(start: Date, days: number, count: DayCount, localFeasts: LocalFeasts = []): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a whole number of days: ${days}`);
  const from = isoDate(start);
  return count === 'working'
    ? addWorkingDays(from, days, localFeasts)
    : nextWorkingDayFrom(addDays(from, days), localFeasts);
}

export function dueAt(start: Date, days: number, count: DayCount, localFeasts: LocalFeasts = []): Date {
  return endOfRomeDay(dueDay(start, days, count, localFeasts));
}

/** The due instant of a step started at `start` under the measure's terms. */
export function stepDueAt(step: TermStep, start: Date, terms: MeasureTerms, localFeasts: LocalFeasts = []): Date {
  return dueAt(start, terms[step], TERM_RULES[step].count, localFeasts);
}

/**
 * The office term is suspended while the family is asked to complete the file (Law 241/1990 art. 2 c. 7)
 * and resumes on resubmission with the days already used kept. Days are Rome calendar days: the day of
 * submission is day 0 and the day of the request for integration counts as used.
 */
export type OfficeTermState = { termDays: number; daysUsed: number; dueAt: Date | null; suspendedAt: Date | null };

export function startOfficeTerm(at: Date, termDays: number, localFeasts: LocalFeasts = []): OfficeTermState {
  return { termDays, daysUsed: 0, dueAt: dueAt(at, termDays, 'calendar', localFeasts), suspendedAt: null };
}

/** Suspends the running term: the days used since it (re)started are added up, the due date is cleared. */
export function suspendOfficeTerm(state: OfficeTermState, runningSince: Date, at: Date): OfficeTermState {
  const used = Math.max(0, calendarDaysBetween(isoDate(runningSince), isoDate(at)));
  return { ...state, daysUsed: Math.min(state.termDays, state.daysUsed + used), dueAt: null, suspendedAt: at };
}

/** Resumes it on resubmission: what is left of the term runs from the day the family sends it again. */
export function resumeOfficeTerm(state: OfficeTermState, at: Date, localFeasts: LocalFeasts = []): OfficeTermState {
  const left = Math.max(0, state.termDays - state.daysUsed);
  return { ...state, dueAt: dueAt(at, left, 'calendar', localFeasts), suspendedAt: null };
}

/**
 * A step that concerns more than one measure (a closing asked before the family chose its new services,
 * a conversion with both kinds of new PES) runs on the shortest of their terms: nobody waits longer than
 * the strictest measure allows. No measure at all: the default.
 */
export function strictestTerm(step: TermStep, terms: readonly MeasureTerms[]): number {
  return terms.length ? Math.min(...terms.map((t) => t[step])) : TERM_RULES[step].defaultDays;
}

/** The due instant of `step` started at `start`, on the strictest of the given measures' terms. */
export function strictestDueAt(
  step: TermStep,
  start: Date,
  terms: readonly MeasureTerms[],
  localFeasts: LocalFeasts = [],
): Date {
  return dueAt(start, strictestTerm(step, terms), TERM_RULES[step].count, localFeasts);
}
