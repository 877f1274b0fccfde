import { describe, it, expect } from 'vitest';
import { BAND_LABELS, ageInMonths, ageInYears, bandFits, bandsForChild, type Band } from '@/lib/domain/bands';
import { yearsAgo } from '@/lib/domain/dates';

describe('ageInMonths is calendar-correct', () => {
  it.each([
    ['2020-01-15', '2020-01-15', 0],
    ['2020-01-15', '2020-02-14', 0],
    ['2020-01-15', '2020-02-15', 1],
    ['2020-01-31', '2020-02-29', 1], // month without a 31st: anniversary on its last day
    ['2020-01-31', '2021-02-28', 13],
    ['2020-01-31', '2020-03-30', 1],
    ['2020-01-31', '2020-03-31', 2],
    ['2020-02-29', '2021-02-28', 12], // leap-day birthday in a common year
    ['2020-02-29', '2021-02-27', 11],
    ['2020-02-29', '2024-02-29', 48],
    ['2017-06-10', '2020-06-09', 35],
    ['2017-06-10', '2020-06-10', 36],
    ['2020-01-15', '2020-01-14', -1], // before birth
    ['2020-01-15', '2019-01-15', -12],
  ])('born %s, on %s → %i', (birth, on, months) => {
    expect(ageInMonths(birth, on)).toBe(months);
  });

  it.each([
    ['2020-02-29', '2021-02-28', 1],
    ['2014-06-10', '2020-06-09', 5],
    ['2014-06-10', '2020-06-10', 6],
    ['2020-01-15', '2020-01-14', -1],
  ])('ageInYears born %s, on %s → %i', (birth, on, years) => {
    expect(ageInYears(birth, on)).toBe(years);
  });

  it('refuses malformed dates', () => {
    expect(() => ageInMonths('2020-02-30', '2021-01-01')).toThrow(RangeError);
    expect(() => ageInMonths('2020-01-01', '01/01/2021')).toThrow(RangeError);
  });
});

describe('bandsForChild: half-open ranges in completed months', () => {
  const on = '2026-11-26';
  const born = (years: number, months = 0) => yearsAgo(on, years, months);

  it.each<[string, string, boolean, Band[]]>([
    ['2 months old', born(0, 2), false, []],
    ['3 months old, first day of band A', born(0, 3), false, ['A']],
    ['a day before 3 months', '2026-08-27', false, []],
    ['2 years 11 months', born(2, 11), false, ['A']],
    ['a day before 3 years', '2023-11-27', false, ['A']],
    ['3rd birthday', born(3), false, ['B']],
    ['5 years 11 months', born(5, 11), false, ['B']],
    ['6th birthday', born(6), false, ['C']],
    ['13 years 11 months', born(13, 11), false, ['C']],
    ['14th birthday, no disability', born(14), false, []],
    ['14th birthday, disability', born(14), true, ['C']],
    ['17 years 11 months, disability', born(17, 11), true, ['C']],
    ['18th birthday, disability', born(18), true, []],
    ['4 years, disability does not change A/B', born(4), true, ['B']],
    ['not born yet', '2027-01-01', false, []],
  ])('%s', (_case, birth, disability, bands) => {
    expect(bandsForChild(birth, disability, on)).toEqual(bands);
  });

  it('bandFits agrees with bandsForChild for every month of age up to 19 years', () => {
    for (let months = 0; months < 19 * 12; months++) {
      for (const disability of [false, true]) {
        const birth = yearsAgo(on, 0, months);
        const fitting = bandsForChild(birth, disability, on);
        expect(fitting.length).toBeLessThanOrEqual(1);
        for (const band of ['A', 'B', 'C'] as const) {
          expect(bandFits(band, birth, disability, on)).toBe(fitting.includes(band));
        }
      }
    }
  });

  it('labels name the age range of each band', () => {
    expect(BAND_LABELS.A).toMatch(/^A\) .*3 mesi - 3 anni/);
    expect(BAND_LABELS.B).toMatch(/^B\) .*3 anni - 6 anni/);
    expect(BAND_LABELS.C).toMatch(/^C\) .*6 - 14 anni .*18 anni .*disabilità/);
  });
});
