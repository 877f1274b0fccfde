import { parse } from 'csv-parse/sync';
import { MAX_IMPORT_ROWS, VOUCHER_COLUMNS, type VoucherColumn } from './voucher-columns';

export type CsvRow = { line: number; values: Record<VoucherColumn, string> };
export type ParsedCsv = { ok: true; delimiter: ';' | ','; rows: CsvRow[] } | { ok: false; message: string };

/**
 * The delimiter is read from the header line: the column names contain neither `;` nor `,`,
 * so whichever occurs there is the separator (Italian spreadsheets write `;`, others `,`).
 */
export function detectDelimiter(text: string): ';' | ',' | null {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const semicolons = firstLine.split(';').length - 1;
  const commas = firstLine.split(',').length - 1;
  if (semicolons === 0 && commas === 0) return null;
  return semicolons >= commas ? ';' : ',';
}

/** UTF-8 only (with or without BOM): a file saved as Latin-1 would silently turn accents into garbage. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function parseVoucherCsv(bytes: Uint8Array): ParsedCsv {
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, message: 'Il file non è in codifica UTF-8. Salvalo come «CSV UTF-8» e riprova.' };
  if (text.trim() === '') return { ok: false, message: 'Il file è vuoto. Usa il modello scaricabile da questa pagina.' };
  const delimiter = detectDelimiter(text);
  if (!delimiter) return { ok: false, message: 'Non trovo le colonne: la prima riga deve contenere i nomi delle colonne separati da «;» o «,».' };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as never;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, message: `Il file non è un CSV valido${line ? ` (riga ${line})` : ''}: controlla le virgolette e i separatori.` };
  }

  const [header, ...body] = records;
  const names = (header?.record ?? []).map((h) => h.trim().toLowerCase());
  const index = new Map<VoucherColumn, number>();
  const missing: string[] = [];
  for (const c of VOUCHER_COLUMNS) {
    const i = names.indexOf(c.key);
    if (i < 0) missing.push(c.key);
    else index.set(c.key, i);
  }
  if (missing.length > 0) return { ok: false, message: `Mancano le colonne: ${missing.join(', ')}. Usa il modello scaricabile da questa pagina.` };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((v) => v === '')) continue;
    const values = {} as Record<VoucherColumn, string>;
    for (const [key, i] of index) values[key] = record[i] ?? '';
    rows.push({ line: info.lines, values });
  }
  if (rows.length === 0) return { ok: false, message: 'Il file contiene solo la riga con i nomi delle colonne: aggiungi almeno un buono.' };
  if (rows.length > MAX_IMPORT_ROWS) {
    return { ok: false, message: `Il file contiene ${rows.length} righe: al massimo ${MAX_IMPORT_ROWS} per volta. Dividilo in più file.` };
  }
  return { ok: true, delimiter, rows };
}
