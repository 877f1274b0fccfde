import { templateExamples } from '@/lib/import/voucher-template';
import { VOUCHER_COLUMNS, type VoucherColumn } from '@/lib/import/voucher-columns';

export type ImportRowValues = Record<VoucherColumn, string>;

const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The check character of a codice fiscale (DM 12/03/1974), to make many distinct valid codes. */
export function withCheckChar(first15: string): string {
  let sum = 0;
  for (const [i, ch] of [...first15].entries()) {
    const v = /\d/.test(ch) ? Number(ch) : LETTERS.indexOf(ch);
    sum += i % 2 === 0 ? ODD[v]! : v;
  }
  return first15 + LETTERS[sum % 26];
}

function letters(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = LETTERS[n % 26] + s;
    n = Math.floor(n / 26);
  }
  return s;
}

/** Valid, distinct codes: family `n` holder is a woman born 1985, children born 2016/2021 (day 01). */
export const holderCf = (n: number) => withCheckChar(`${letters(n, 6)}85A41L378`);
export const childCf = (n: number, k: number) => withCheckChar(`${letters(n, 6)}${k === 0 ? '16' : '21'}B01L378`);

export function toCsv(rows: ImportRowValues[], delimiter = ';', bom = true): Uint8Array {
  const keys = VOUCHER_COLUMNS.map((c) => c.key);
  const q = (s: string) => (s.includes(delimiter) || s.includes('"') ? `"${s.replaceAll('"', '""')}"` : s);
  const text = [keys.join(delimiter), ...rows.map((r) => keys.map((k) => q(r[k])).join(delimiter))].join('\r\n');
  return new TextEncoder().encode((bom ? '\uFEFF' : '') + text + '\r\n');
}

/**
 * `families` new families, each with one voucher whose first child has two PES (two rows):
 * 2 × families rows, built from the template's first row so every other field stays valid.
 */
export function manyFamilies(today: string, families: number, offset = 0): ImportRowValues[] {
  const [base] = templateExamples(today);
  const rows: ImportRowValues[] = [];
  for (let i = offset; i < offset + families; i++) {
    const number = `IMP-${String(i).padStart(6, '0')}`;
    const family = {
      ...base!,
      numero_buono: number,
      cf_richiedente: holderCf(i),
      email_richiedente: `famiglia.${i}@example.it`,
      importo_buono: '2.000,00',
      cf_minore: childCf(i, 0),
    };
    rows.push({ ...family, codice_pes: `${number}/1`, importo_pes: '1.000,00' });
    rows.push({ ...family, codice_pes: `${number}/2`, importo_pes: '500,00', codice_erogatore: 'PRV2' });
  }
  return rows;
}
