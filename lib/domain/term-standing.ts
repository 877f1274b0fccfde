import { isoDate } from './dates';

// Kept apart from terms.ts (which loads the holiday calendar): pages and client components import this.

/** Calendar days from one Rome day to another (negative when `to` is before `from`). */
export function calendarDaysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

/**
 * Days left to act, counted on Rome calendar days: 0 on the due day itself, negative once it has passed
 * (−1 the day after). `overdue` is true from the first second after the due instant.
 */
export function termStanding(due: Date, now: Date): { daysLeft: number; overdue: boolean } {
  return { daysLeft: calendarDaysBetween(isoDate(now), isoDate(due)), overdue: now.getTime() > due.getTime() };
}

/** The office queue's "in scadenza": not yet overdue, and due within this many calendar days. */
export const DUE_SOON_DAYS = 5;

/** "mancano 3 giorni", "scade oggi", "scaduto da 2 giorni": the words that go with a due date. */
export function daysLeftText({ daysLeft, overdue }: { daysLeft: number; overdue: boolean }): string {
  if (overdue) return daysLeft >= -1 ? 'scaduto da 1 giorno' : `scaduto da ${-daysLeft} giorni`;
  if (daysLeft <= 0) return 'scade oggi';
  return daysLeft === 1 ? 'manca 1 giorno' : `mancano ${daysLeft} giorni`;
}
