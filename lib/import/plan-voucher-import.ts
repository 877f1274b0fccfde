import { bandFits } from '@/lib/domain/bands';
import { formatEuro } from '@/lib/domain/money';
import type { ImportError, ImportRow } from './parse-voucher-row';
import type { VoucherColumn } from './voucher-columns';

export type PlannedChild = ImportRow['child'] & { position: number };
export type PlannedPes = NonNullable<ImportRow['pes']> & { childCodiceFiscale: string; line: number };
export type PlannedVoucher = ImportRow['voucher'] & {
  line: number;
  holderCodiceFiscale: string;
  children: PlannedChild[];
  pes: PlannedPes[];
};
export type ImportPlan = { holders: Map<string, ImportRow['holder'] & { line: number }>; vouchers: PlannedVoucher[] };

type Field<T> = { column: VoucherColumn; get: (x: T) => unknown };

const HOLDER_FIELDS: Field<ImportRow['holder']>[] = [
  { column: 'nome_richiedente', get: (h) => h.givenName },
  { column: 'cognome_richiedente', get: (h) => h.familyName },
  { column: 'email_richiedente', get: (h) => h.email },
  { column: 'cellulare_richiedente', get: (h) => h.mobile },
];
const VOUCHER_FIELDS: Field<ImportRow>[] = [
  { column: 'cf_richiedente', get: (r) => r.holder.codiceFiscale },
  { column: 'data_assegnazione', get: (r) => r.voucher.assignedOn },
  { column: 'importo_buono', get: (r) => r.voucher.totalCents },
  { column: 'nucleo_biparentale', get: (r) => r.voucher.twoParentHousehold },
  { column: 'datore_denominazione', get: (r) => r.voucher.employer.name },
  { column: 'datore_codice_fiscale', get: (r) => r.voucher.employer.taxCode },
  { column: 'datore_indirizzo', get: (r) => r.voucher.employer.address },
  { column: 'datore_settore', get: (r) => r.voucher.employer.sector },
];
const CHILD_FIELDS: Field<ImportRow['child']>[] = [
  { column: 'nome_minore', get: (c) => c.givenName },
  { column: 'cognome_minore', get: (c) => c.familyName },
  { column: 'data_nascita_minore', get: (c) => c.birthDate },
  { column: 'disabilita_minore', get: (c) => c.disability },
];

function differences<T>(fields: Field<T>[], a: T, b: T): VoucherColumn[] {
  return fields.filter((f) => f.get(a) !== f.get(b)).map((f) => f.column);
}

/**
 * Checks the rows against each other: repeated data identical, PES codes unique, each band fitting
 * its child's age, the PES of a voucher within its total. Bands are checked on `today` (the import
 * day), the day from which the family converts its voucher: the same rule the conversion pages apply.
 */
export function planVoucherImport(
  rows: ImportRow[],
  today: string,
): { ok: true; plan: ImportPlan } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const holders: ImportPlan['holders'] = new Map();
  const vouchers = new Map<
    string,
    { first: ImportRow; planned: PlannedVoucher; children: Map<string, { first: ImportRow; child: PlannedChild }> }
  >();
  const pesCodes = new Map<string, number>();
  const mismatch = (row: ImportRow, columns: VoucherColumn[], what: string, firstLine: number) => {
    for (const column of columns)
      errors.push({
        line: row.line,
        column,
        message: `${what}: il valore è diverso da quello della riga ${firstLine}.`,
      });
  };

  for (const row of rows) {
    const holder = holders.get(row.holder.codiceFiscale);
    if (!holder) holders.set(row.holder.codiceFiscale, { ...row.holder, line: row.line });
    else
      mismatch(
        row,
        differences(HOLDER_FIELDS, holder, row.holder),
        `Richiedente ${row.holder.codiceFiscale}`,
        holder.line,
      );

    let v = vouchers.get(row.voucher.number);
    if (!v) {
      v = {
        first: row,
        planned: {
          ...row.voucher,
          line: row.line,
          holderCodiceFiscale: row.holder.codiceFiscale,
          children: [],
          pes: [],
        },
        children: new Map(),
      };
      vouchers.set(row.voucher.number, v);
    } else {
      mismatch(row, differences(VOUCHER_FIELDS, v.first, row), `Buono ${row.voucher.number}`, v.first.line);
    }

    const c = v.children.get(row.child.codiceFiscale);
    if (!c) {
      const child = { ...row.child, position: v.children.size + 1 };
      v.children.set(row.child.codiceFiscale, { first: row, child });
      v.planned.children.push(child);
    } else {
      mismatch(row, differences(CHILD_FIELDS, c.child, row.child), `Minore ${row.child.codiceFiscale}`, c.first.line);
    }

    if (!row.pes) continue;
    const seen = pesCodes.get(row.pes.code);
    if (seen !== undefined) {
      errors.push({
        line: row.line,
        column: 'codice_pes',
        message: `Il codice PES ${row.pes.code} è già usato alla riga ${seen}.`,
      });
      continue;
    }
    pesCodes.set(row.pes.code, row.line);
    if (!bandFits(row.pes.band, row.child.birthDate, row.child.disability, today)) {
      errors.push({
        line: row.line,
        column: 'fascia',
        message: `La fascia ${row.pes.band} non corrisponde all’età del minore ${row.child.codiceFiscale} alla data di oggi.`,
      });
    }
    v.planned.pes.push({ ...row.pes, childCodiceFiscale: row.child.codiceFiscale, line: row.line });
  }

  for (const { planned } of vouchers.values()) {
    const total = planned.pes.reduce((s, p) => s + p.amountCents, 0);
    if (total > planned.totalCents) {
      const last = planned.pes[planned.pes.length - 1]!;
      errors.push({
        line: last.line,
        column: 'importo_pes',
        message: `I PES del buono ${planned.number} sommano ${formatEuro(total)}, più dell’importo del buono (${formatEuro(planned.totalCents)}).`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, plan: { holders, vouchers: [...vouchers.values()].map((v) => v.planned) } };
}
