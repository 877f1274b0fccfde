/** Protocol numbers MPES-<year>-<6 digits>: gap-free per year (the counter lives in protocol_counters). */
export const PROTOCOL_MAX_PER_YEAR = 999_999;
const PATTERN = /^MPES-(\d{4})-(\d{6})$/;

export function formatProtocolNumber(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999)
    throw new RangeError(`Anno di protocollo non valido: ${year}`);
  if (!Number.isInteger(n) || n < 1 || n > PROTOCOL_MAX_PER_YEAR)
    throw new RangeError(`Numero di protocollo non valido: ${n}`);
  return `MPES-${year}-${String(n).padStart(6, '0')}`;
}

export function parseProtocolNumber(s: string): { year: number; n: number } | null {
  const m = PATTERN.exec(s);
  return m ? { year: Number(m[1]), n: Number(m[2]) } : null;
}

/** The Province registers in Europe/Rome: a submission at 00:30 on 1 January (Rome) belongs to the new year. */
const ROME_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric' });
export function protocolYear(at: Date): number {
  return Number(ROME_YEAR.format(at));
}
