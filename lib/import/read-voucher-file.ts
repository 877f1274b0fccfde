import { parseVoucherCsv } from './parse-csv';
import { parseVoucherRow, type ImportError, type ImportRow } from './parse-voucher-row';
import { planVoucherImport, type ImportPlan } from './plan-voucher-import';

export type ReadResult =
  | { ok: true; plan: ImportPlan; rowCount: number; delimiter: ';' | ',' }
  | { ok: false; fileError: string; errors: []; rowCount: number }
  | { ok: false; fileError: null; errors: ImportError[]; rowCount: number };

/** Everything that can be checked without the database, for the whole file: every bad row is reported, not only the first. */
export function readVoucherFile(bytes: Uint8Array, today: string): ReadResult {
  const csv = parseVoucherCsv(bytes);
  if (!csv.ok) return { ok: false, fileError: csv.message, errors: [], rowCount: 0 };
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  for (const raw of csv.rows) {
    const r = parseVoucherRow(raw, today);
    if (r.ok) rows.push(r.row);
    else errors.push(...r.errors);
  }
  const rowCount = csv.rows.length;
  // Cross-row checks run on the good rows too, so one pass reports as much as possible.
  const planned = planVoucherImport(rows, today);
  if (!planned.ok) errors.push(...planned.errors);
  if (errors.length > 0 || !planned.ok)
    return { ok: false, fileError: null, errors: errors.sort((a, b) => a.line - b.line), rowCount };
  return { ok: true, plan: planned.plan, rowCount, delimiter: csv.delimiter };
}
