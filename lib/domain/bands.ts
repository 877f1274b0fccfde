import labels from '@/messages/it/PesLabels.json';
import { daysInMonth, parseIsoDate } from './dates';

/** Service bands of the FSE voucher (Del. 742/2020 summer services). */
export type Band = 'A' | 'B' | 'C';

export const BANDS: readonly Band[] = ['A', 'B', 'C'];

/** The Italian catalogue's words (the family's pages read them in the reader's language). */
export const BAND_LABELS: Record<Band, string> = labels.band;

/**
 * Completed months between the two dates. A birthday falling on a day the month
 * lacks (29–31) is reached on that month's last day: born 2020-02-29, twelve
 * months old on 2021-02-28. Negative (at most -1) when `on` precedes the birth,
 * so an unborn child never fits a band.
 */
export function ageInMonths(birthDate: string, on: string): number {
  const b = parseIsoDate(birthDate);
  const o = parseIsoDate(on);
  // ISO strings compare chronologically.
  if (on < birthDate) return Math.min(-1, -ageInMonths(on, birthDate));
  const months = (o.year - b.year) * 12 + (o.month - b.month);
  const anniversaryDay = Math.min(b.day, daysInMonth(o.year, o.month));
  return o.day >= anniversaryDay ? months : months - 1;
}

export function ageInYears(birthDate: string, on: string): number {
  return Math.floor(ageInMonths(birthDate, on) / 12);
}

/**
 * Half-open ranges in completed months, so every age is in at most one band and a
 * child moves to the next band on the birthday itself:
 *   A: 3 ≤ months < 36   B: 36 ≤ months < 72   C: 72 ≤ months < 168 (< 216 with disability)
 */
const RANGES: Record<Band, (months: number, disability: boolean) => boolean> = {
  A: (m) => m >= 3 && m < 36,
  B: (m) => m >= 36 && m < 72,
  C: (m, disability) => m >= 72 && m < (disability ? 216 : 168),
};

export function bandsForChild(birthDate: string, disability: boolean, on: string): Band[] {
  const months = ageInMonths(birthDate, on);
  return BANDS.filter((band) => RANGES[band](months, disability));
}

export function bandFits(band: Band, birthDate: string, disability: boolean, on: string): boolean {
  return RANGES[band](ageInMonths(birthDate, on), disability);
}
