/**
 * Calendar dates travel as ISO strings "YYYY-MM-DD" (no time zone, no shifting);
 * instants are Date objects shown in Europe/Rome, where the Province works.
 */
import type { Locale } from './locale';

const TIME_ZONE = 'Europe/Rome';

const DATE_IT = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const DATE_TIME_IT = new Intl.DateTimeFormat('it-IT', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// English dates spell the month ("6 December 2026"): day/month order differs between English readers.
const DATE_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DATE_TIME_EN = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
// A calendar day is formatted at UTC noon, so no zone can move it to the day before or after.
const DATE_EN_UTC = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export type IsoParts = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Strict: "2021-02-29" is refused, not rolled over to March. */
export function parseIsoDate(iso: string): IsoParts {
  const m = ISO_DATE.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${iso}`);
  }
  return { year, month, day };
}

function toIso({ year, month, day }: IsoParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function asDate(d: Date | string): Date {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a valid date: ${String(d)}`);
  return date;
}

/** "26/11/2026". An ISO date string is shown as that calendar day, whatever the server's zone. */
export function formatDateIt(d: Date | string): string {
  if (typeof d === 'string' && ISO_DATE.test(d)) {
    const { year, month, day } = parseIsoDate(d);
    return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  }
  return DATE_IT.format(asDate(d));
}

/** The date in the reader's language: "26/11/2026" (it, as formatDateIt) or "26 November 2026" (en). */
export function formatDate(d: Date | string, locale: Locale): string {
  if (locale === 'it') return formatDateIt(d);
  if (typeof d === 'string' && ISO_DATE.test(d)) {
    const { year, month, day } = parseIsoDate(d);
    return DATE_EN_UTC.format(new Date(Date.UTC(year, month - 1, day, 12)));
  }
  return DATE_EN.format(asDate(d));
}

/** "26/11/2026, 17:05" (it) or "26 November 2026 at 17:05" (en), in Europe/Rome. */
export function formatDateTime(d: Date | string, locale: Locale): string {
  return locale === 'it' ? formatDateTimeIt(d) : DATE_TIME_EN.format(asDate(d));
}

/** "26/11/2026, 17:05" in Europe/Rome, 24-hour clock. */
export function formatDateTimeIt(d: Date | string): string {
  return DATE_TIME_IT.format(asDate(d));
}

const HOUR_MS = 3_600_000;
// Rome's offset changes only on whole UTC hours (summer time starts and ends at 01:00 UTC), so it is read from
// Intl once per UTC hour: formatToParts was the queue page's top frame of ours (a date per row and term).
// Bounded: cleared when full, whatever instants the requests bring.
const romeOffsetByHour = new Map<number, number>();
const OFFSET_CACHE_MAX = 4096;

/** Rome's offset from UTC at instant t (ms since the epoch): +1 h in winter, +2 h in summer. */
function romeOffsetMs(t: number): number {
  const hour = Math.floor(t / HOUR_MS);
  let offset = romeOffsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const parts = DATE_TIME_IT.formatToParts(new Date(start));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - start;
    if (romeOffsetByHour.size >= OFFSET_CACHE_MAX) romeOffsetByHour.clear();
    romeOffsetByHour.set(hour, offset);
  }
  return offset;
}

/** The calendar day it is in Rome at instant d, as "YYYY-MM-DD". */
export function isoDate(d: Date): string {
  const t = asDate(d).getTime();
  const rome = new Date(t + romeOffsetMs(t));
  return toIso({ year: rome.getUTCFullYear(), month: rome.getUTCMonth() + 1, day: rome.getUTCDate() });
}

/** Clamps to the month's last day: 2024-01-31 + 1 month = 2024-02-29. */
export function addMonths(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toIso({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/** A birth date that makes a child `years` years and `extraMonths` months old on `today`. */
export function yearsAgo(today: string, years: number, extraMonths = 0): string {
  return addMonths(today, -(years * 12 + extraMonths));
}

/** The instant a calendar day starts in Rome (00:00 local, summer time included): date filters on instants. */
export function romeDayStart(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  const guess = Date.UTC(year, month - 1, day);
  // Rome's offset at that moment (UTC midnight of the day): transitions happen at 01:00 UTC, never before.
  return new Date(guess - romeOffsetMs(guess));
}

/** Whole days from instant `from` to instant `to` (floored, never negative): "giorni di attesa". */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));
}

/** "2026-02-28" + 1 → "2026-03-01". */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
