import { parse } from 'csv-parse/sync';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, VOUCHER_COLUMNS, type VoucherColumn } from './voucher-columns';

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

/** Far longer than any real row (24 short columns), short enough that one quoted field cannot hold the whole file. */
export const MAX_RECORD_CHARS = 16_384;

const TOO_MANY_ROWS = `Il file contiene più di ${MAX_IMPORT_ROWS} righe: al massimo ${MAX_IMPORT_ROWS} righe per volta. Dividilo in più file e caricali uno alla volta.`;
export const TOO_LARGE_FILE = `Il file è più grande di ${MAX_IMPORT_BYTES / 1024 / 1024} MB: al massimo ${MAX_IMPORT_ROWS} righe per volta. Dividilo in più file e caricali uno alla volta.`;

type Parsed = { record: string[]; info: { lines: number } };

export function parseVoucherCsv(bytes: Uint8Array): ParsedCsv {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: TOO_LARGE_FILE };
  const text = decodeUtf8(bytes);
  if (text === null)
    return { ok: false, message: 'Il file non è in codifica UTF-8. Salvalo come «CSV UTF-8» e riprova.' };
  if (text.trim() === '')
    return { ok: false, message: 'Il file è vuoto. Usa il modello scaricabile da questa pagina.' };
  const delimiter = detectDelimiter(text);
  if (!delimiter)
    return {
      ok: false,
      message: 'Non trovo le colonne: la prima riga deve contenere i nomi delle colonne separati da «;» o «,».',
    };

  // The row cap is enforced while parsing: counted after, 2.6 million short lines took 1.5 GB before the check ran (X2).
  let kept = 0;
  let tooMany = false;
  // With info: true csv-parse hands on_record the record with its info, which its types do not say.
  const keep = (r: Parsed): Parsed | null => {
    if (kept > 0 && r.record.every((v) => v === '')) return null;
    if (++kept > MAX_IMPORT_ROWS + 1) {
      tooMany = true;
      throw new Error('row cap');
    }
    return r;
  };
  let records: Parsed[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: keep as never,
    }) as never;
  } catch (e) {
    if (tooMany) return { ok: false, message: TOO_MANY_ROWS };
    const { code, lines } = e as { code?: string; lines?: number };
    if (code === 'CSV_MAX_RECORD_SIZE')
      return {
        ok: false,
        message: `La riga ${lines ?? ''} è troppo lunga: controlla che le virgolette siano chiuse, oppure usa il modello scaricabile da questa pagina.`,
      };
    return {
      ok: false,
      message: `Il file non è un CSV valido${lines ? ` (riga ${lines})` : ''}: controlla le virgolette e i separatori.`,
    };
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
  if (missing.length > 0)
    return {
      ok: false,
      message: `Mancano le colonne: ${missing.join(', ')}. Usa il modello scaricabile da questa pagina.`,
    };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    const values = {} as Record<VoucherColumn, string>;
    for (const [key, i] of index) values[key] = record[i] ?? '';
    rows.push({ line: info.lines, values });
  }
  if (rows.length === 0)
    return { ok: false, message: 'Il file contiene solo la riga con i nomi delle colonne: aggiungi almeno un buono.' };
  return { ok: true, delimiter, rows };
}
