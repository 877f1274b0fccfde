import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { BANDS, type Band } from '@/lib/domain/bands';
import { parseEuro } from '@/lib/domain/money';
import type { CsvRow } from './parse-csv';
import {
  parseEmail,
  parseHours,
  parseImportDate,
  parseMobile,
  parseTaxCode,
  parseYesNo,
  type Parsed,
} from './field-parsers';
import { COLUMN_LABELS, PES_COLUMNS, type VoucherColumn } from './voucher-columns';

export type ImportError = { line: number; column: VoucherColumn | null; message: string };

export type ImportRow = {
  line: number;
  voucher: {
    number: string;
    assignedOn: string;
    totalCents: number;
    twoParentHousehold: boolean;
    employer: { name: string; taxCode: string; address: string; sector: string };
  };
  holder: { codiceFiscale: string; givenName: string; familyName: string; email: string; mobile: string };
  child: { codiceFiscale: string; givenName: string; familyName: string; birthDate: string; disability: boolean };
  pes: { code: string; providerCode: string; band: Band; hours: number; amountCents: number } | null;
};

const MAX_TEXT = 200;
const CODE = /^[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}$/;

/** Checks every field of one row on its own (no database, no other rows) and says what is wrong with each. */
export function parseVoucherRow(
  row: CsvRow,
  today: string,
): { ok: true; row: ImportRow } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const v = row.values;
  const fail = (column: VoucherColumn, message: string) => errors.push({ line: row.line, column, message });

  function take<T>(column: VoucherColumn, parser: (s: string) => Parsed<T>): T | undefined {
    const raw = v[column];
    if (raw === '' && column !== 'disabilita_minore') {
      fail(column, `Manca «${COLUMN_LABELS[column]}».`);
      return undefined;
    }
    const r = parser(raw);
    if (!r.ok) fail(column, r.message);
    return r.ok ? r.value : undefined;
  }
  const text = (s: string): Parsed<string> =>
    s.length <= MAX_TEXT
      ? { ok: true, value: s.replace(/\s+/g, ' ') }
      : { ok: false, message: `Testo troppo lungo: al massimo ${MAX_TEXT} caratteri.` };
  const code = (s: string): Parsed<string> =>
    CODE.test(s)
      ? { ok: true, value: s.toUpperCase() }
      : { ok: false, message: `«${s}» non è un codice valido: lettere, cifre e / - _ . (al massimo 40).` };
  const cf = (s: string): Parsed<string> =>
    isValidCodiceFiscale(s)
      ? { ok: true, value: normalizeCodiceFiscale(s) }
      : {
          ok: false,
          message: `«${s}» non è un codice fiscale valido: controlla i 16 caratteri e il carattere di controllo finale.`,
        };
  const euro = (s: string): Parsed<number> => {
    const r = parseEuro(s);
    if (!r.ok) return r;
    return r.cents > 0
      ? { ok: true, value: r.cents }
      : { ok: false, message: 'L’importo deve essere maggiore di zero.' };
  };
  const pastDate =
    (what: string) =>
    (s: string): Parsed<string> => {
      const r = parseImportDate(s);
      if (r.ok && r.value > today) return { ok: false, message: `La ${what} non può essere nel futuro.` };
      return r;
    };
  const band = (s: string): Parsed<Band> => {
    const b = s.trim().toUpperCase();
    return (BANDS as readonly string[]).includes(b)
      ? { ok: true, value: b as Band }
      : { ok: false, message: `«${s}» non è una fascia: scrivi A, B o C.` };
  };

  const voucher = {
    number: take('numero_buono', code),
    assignedOn: take('data_assegnazione', pastDate('data di assegnazione')),
    totalCents: take('importo_buono', euro),
    twoParentHousehold: take('nucleo_biparentale', parseYesNo),
    employer: {
      name: take('datore_denominazione', text),
      taxCode: take('datore_codice_fiscale', parseTaxCode),
      address: take('datore_indirizzo', text),
      sector: take('datore_settore', text),
    },
  };
  const holder = {
    codiceFiscale: take('cf_richiedente', cf),
    givenName: take('nome_richiedente', text),
    familyName: take('cognome_richiedente', text),
    email: take('email_richiedente', parseEmail),
    mobile: take('cellulare_richiedente', parseMobile),
  };
  const child = {
    codiceFiscale: take('cf_minore', cf),
    givenName: take('nome_minore', text),
    familyName: take('cognome_minore', text),
    birthDate: take('data_nascita_minore', pastDate('data di nascita')),
    disability: take('disabilita_minore', parseYesNo),
  };

  let pes: ImportRow['pes'] | undefined = null;
  if (PES_COLUMNS.some((c) => v[c] !== '')) {
    pes = {
      code: take('codice_pes', code)!,
      providerCode: take('codice_erogatore', code)!,
      band: take('fascia', band)!,
      hours: take('ore', parseHours)!,
      amountCents: take('importo_pes', euro)!,
    };
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, row: { line: row.line, voucher, holder, child, pes } as ImportRow };
}
