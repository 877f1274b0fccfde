/**
 * CSV for Italian spreadsheet programs: `;` separators (the comma is the decimal mark), CRLF line ends,
 * UTF-8 with a byte-order mark so accents open right.
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export type CsvValue = string | number | null | undefined;

/** One field: quoted when it holds a separator, quote or line break; a leading = + - @ is neutralised (formula injection). */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(CSV_SEPARATOR)}\r\n`;
}

/** 328245 → "3282,45": euro with a decimal comma and no thousands mark, read as a number by spreadsheets. */
export function centsCsv(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not integer cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
