import { describe, it, expect } from 'vitest';
import {
  addMonths,
  daysBetween,
  romeDayStart,
  addYears,
  formatDate,
  formatDateIt,
  formatDateTime,
  formatDateTimeIt,
  isoDate,
  parseIsoDate,
  yearsAgo,
} from '@/lib/domain/dates';

describe('formatDateIt / formatDateTimeIt show Rome time', () => {
  it.each([
    [new Date('2026-11-26T16:05:00Z'), '26/11/2026', '26/11/2026, 17:05'], // CET, UTC+1
    [new Date('2026-07-01T22:30:00Z'), '02/07/2026', '02/07/2026, 00:30'], // CEST, next day in Rome
    [new Date('2026-01-01T00:00:00Z'), '01/01/2026', '01/01/2026, 01:00'],
    ['2026-11-26T16:05:00Z', '26/11/2026', '26/11/2026, 17:05'],
  ])('%s', (d, date, dateTime) => {
    expect(formatDateIt(d)).toBe(date);
    expect(formatDateTimeIt(d)).toBe(dateTime);
  });

  it('shows an ISO calendar date as that same day, never shifted by the zone', () => {
    expect(formatDateIt('2026-11-26')).toBe('26/11/2026');
    expect(formatDateIt('2020-02-29')).toBe('29/02/2020');
  });

  it.each(['not a date', '2021-02-29', new Date(NaN)])('refuses %s', (d) => {
    expect(() => formatDateIt(d)).toThrow(RangeError);
  });
});

describe('isoDate', () => {
  it.each([
    ['2026-07-01T22:30:00Z', '2026-07-02'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2026-03-29T00:30:00Z', '2026-03-29'],
  ])('%s is %s in Rome', (instant, day) => {
    expect(isoDate(new Date(instant))).toBe(day);
  });

  // The offset is cached per UTC hour: every quarter of an hour across two years (both summer-time changes
  // each year, leap day included) must give the day Intl reads directly.
  it('agrees with Intl at every quarter hour of 2024 and 2025', () => {
    const rome = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Rome',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 15 * 60_000) {
      const d = new Date(t);
      if (isoDate(d) !== rome.format(d)) mismatches.push(d.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('reads the day after a summer-time change at the right hour', () => {
    expect(isoDate(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(isoDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(isoDate(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(isoDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });
});

describe('parseIsoDate', () => {
  it('reads a valid date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', ''])('refuses %j', (s) => {
    expect(() => parseIsoDate(s)).toThrow(RangeError);
  });
});

describe('addMonths / addYears / yearsAgo', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-11-15', 2, '2025-01-15'],
    ['2024-01-15', -1, '2023-12-15'],
    ['2024-01-15', -25, '2021-12-15'],
    ['2024-05-10', 0, '2024-05-10'],
  ])('%s %+i months → %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });

  it('addYears from 29 February lands on 28 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('yearsAgo gives the birth date of a child of that age', () => {
    expect(yearsAgo('2026-11-26', 4)).toBe('2022-11-26');
    expect(yearsAgo('2026-11-26', 2, 6)).toBe('2024-05-26');
    expect(yearsAgo('2026-11-26', 0, 3)).toBe('2026-08-26');
  });

  it('refuses fractional months', () => {
    expect(() => addMonths('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('romeDayStart / daysBetween', () => {
  it.each([
    ['2026-01-15', '2026-01-14T23:00:00.000Z'],
    ['2026-07-15', '2026-07-14T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
  ])('%s starts in Rome at %s', (day, instant) => {
    expect(romeDayStart(day).toISOString()).toBe(instant);
  });

  it.each([
    ['2026-11-01T10:00:00Z', '2026-11-01T11:00:00Z', 0],
    ['2026-11-01T10:00:00Z', '2026-11-02T09:59:59Z', 0],
    ['2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z', 1],
    ['2026-10-01T10:00:00Z', '2026-11-01T10:00:00Z', 31],
    ['2026-11-02T10:00:00Z', '2026-11-01T10:00:00Z', 0],
  ])('from %s to %s: %i days', (a, b, n) => {
    expect(daysBetween(new Date(a), new Date(b))).toBe(n);
  });
});

describe('formatDate / formatDateTime in the reader’s language', () => {
  it.each([
    ['2026-12-06', 'it', '06/12/2026'],
    ['2026-12-06', 'en', '6 December 2026'],
    ['2026-01-01', 'en', '1 January 2026'],
    [new Date('2026-07-01T22:30:00Z'), 'en', '2 July 2026'], // already the next day in Rome
    [new Date('2026-07-01T22:30:00Z'), 'it', '02/07/2026'],
  ] as const)('%s in %s → %s', (d, locale, text) => {
    expect(formatDate(d, locale)).toBe(text);
  });
  it.each([
    [new Date('2026-11-26T16:05:00Z'), 'it', '26/11/2026, 17:05'],
    [new Date('2026-11-26T16:05:00Z'), 'en', '26 November 2026 at 17:05'],
    [new Date('2026-07-01T22:30:00Z'), 'en', '2 July 2026 at 00:30'],
  ] as const)('%s in %s → %s', (d, locale, text) => {
    expect(formatDateTime(d, locale)).toBe(text);
  });
  it('refuses what is not a date in either language', () => {
    expect(() => formatDate('2026-02-30', 'en')).toThrow(RangeError);
    expect(() => formatDateTime('yesterday', 'en')).toThrow(RangeError);
  });
});
