import Holidays from 'date-holidays';
import { addDays, parseIsoDate } from './dates';

/**
 * Working days for the terms of issue 19: Monday to Friday, minus Italy's public holidays (from
 * `date-holidays`, maintained, Easter included) and the local feast days the office configures
 * ("MM-DD", every year: Trento's San Vigilio is "06-26").
 */
export type LocalFeasts = readonly string[];

const national = new Map<number, ReadonlySet<string>>();
let calendar: Holidays | null = null;

function nationalHolidays(year: number): ReadonlySet<string> {
  let set = national.get(year);
  if (!set) {
    calendar ??= new Holidays('IT');
    const list = calendar.getHolidays(year) || [];
    // "public" only: the library also lists observances (e.g. Festa della mamma) that are working days.
    set = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    national.set(year, set);
  }
  return set;
}

/** ISO weekday of a calendar day: 1 Monday … 7 Sunday (no time zone involved). */
function weekday(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isPublicHoliday(iso: string, localFeasts: LocalFeasts = []): boolean {
  return nationalHolidays(parseIsoDate(iso).year).has(iso) || localFeasts.includes(iso.slice(5));
}

export function isWorkingDay(iso: string, localFeasts: LocalFeasts = []): boolean {
  return weekday(iso) < 6 && !isPublicHoliday(iso, localFeasts);
}

/** The day itself when it is a working day, else the first working day after it. */
export function nextWorkingDayFrom(iso: string, localFeasts: LocalFeasts = []): string {
  let d = iso;
  // A year has far fewer than 30 consecutive non-working days: the bound only guards against bad data.
  for (let i = 0; i < 30 && !isWorkingDay(d, localFeasts); i++) d = addDays(d, 1);
  return d;
}

/** The `n`th working day after `iso` (the start day itself never counts). */
export function addWorkingDays(iso: string, n: number, localFeasts: LocalFeasts = []): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a whole number of days: ${n}`);
  let d = iso;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d, localFeasts)) left--;
  }
  return d;
}
