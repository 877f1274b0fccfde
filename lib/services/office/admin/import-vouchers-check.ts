import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { pes, providers, users, vouchers } from '@/db/schema';
import type { ImportError } from '@/lib/import/parse-voucher-row';
import type { ImportPlan, PlannedVoucher } from '@/lib/import/plan-voucher-import';

export type ImportLookups = {
  providerIds: Map<string, string>;
  existingHolders: Map<string, string>;
  /** Vouchers already in the database: the file's rows for them are checked and then skipped. */
  existingVouchers: Set<string>;
};

/** One query per 1 000 keys: the statement count grows with the file by chunks, never per row. */
async function inChunks<K, R>(keys: readonly K[], run: (chunk: K[]) => Promise<R[]>, size = 1_000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += size) out.push(...(await run(keys.slice(i, i + size))));
  return out;
}

/**
 * The checks that need the database, on the natural keys (codice fiscale, voucher number, PES code):
 * importing the same file again finds everything present and changes nothing.
 */
export async function checkAgainstDatabase(
  tx: DbOrTx,
  plan: ImportPlan,
): Promise<{ lookups: ImportLookups; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const providerCodes = [...new Set(plan.vouchers.flatMap((v) => v.pes.map((p) => p.providerCode)))];
  const pesCodes = plan.vouchers.flatMap((v) => v.pes.map((p) => p.code));
  const [foundProviders, foundUsers, foundVouchers, foundPes] = await Promise.all([
    inChunks(providerCodes, (c) =>
      tx.select({ id: providers.id, code: providers.code }).from(providers).where(inArray(providers.code, c)),
    ),
    inChunks([...plan.holders.keys()], (c) =>
      tx
        .select({ id: users.id, cf: users.codiceFiscale, role: users.role })
        .from(users)
        .where(inArray(users.codiceFiscale, c)),
    ),
    inChunks(
      plan.vouchers.map((v) => v.number),
      (c) =>
        tx
          .select({ number: vouchers.number, holderCf: users.codiceFiscale })
          .from(vouchers)
          .innerJoin(users, eq(users.id, vouchers.holderId))
          .where(inArray(vouchers.number, c)),
    ),
    inChunks(pesCodes, (c) =>
      tx
        .select({ code: pes.code, voucherNumber: vouchers.number })
        .from(pes)
        .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
        .where(inArray(pes.code, c)),
    ),
  ]);

  const providerIds = new Map(foundProviders.map((p) => [p.code, p.id]));
  const existingHolders = new Map<string, string>();
  for (const u of foundUsers) {
    if (u.role === 'family') existingHolders.set(u.cf, u.id);
    else
      errors.push({
        line: plan.holders.get(u.cf)!.line,
        column: 'cf_richiedente',
        message: `Il codice fiscale ${u.cf} appartiene a un utente del personale, non a una famiglia.`,
      });
  }
  const voucherHolder = new Map(foundVouchers.map((v) => [v.number, v.holderCf]));
  const pesVoucher = new Map(foundPes.map((p) => [p.code, p.voucherNumber]));

  for (const v of plan.vouchers) {
    const holderInDb = voucherHolder.get(v.number);
    if (holderInDb !== undefined && holderInDb !== v.holderCodiceFiscale) {
      errors.push({
        line: v.line,
        column: 'numero_buono',
        message: `Il buono ${v.number} è già registrato per un altro richiedente.`,
      });
    }
    errors.push(...pesErrors(v, holderInDb !== undefined, pesVoucher, providerIds));
  }
  return { lookups: { providerIds, existingHolders, existingVouchers: new Set(voucherHolder.keys()) }, errors };
}

function pesErrors(
  v: PlannedVoucher,
  voucherExists: boolean,
  pesVoucher: Map<string, string>,
  providerIds: Map<string, string>,
): ImportError[] {
  const errors: ImportError[] = [];
  for (const p of v.pes) {
    if (!providerIds.has(p.providerCode)) {
      errors.push({
        line: p.line,
        column: 'codice_erogatore',
        message: `Il soggetto erogatore ${p.providerCode} non esiste: registralo prima di importare.`,
      });
    }
    const onVoucher = pesVoucher.get(p.code);
    if (onVoucher !== undefined && onVoucher !== v.number) {
      errors.push({
        line: p.line,
        column: 'codice_pes',
        message: `Il codice PES ${p.code} è già usato sul buono ${onVoucher}.`,
      });
    } else if (voucherExists && onVoucher === undefined) {
      errors.push({
        line: p.line,
        column: 'codice_pes',
        message: `Il buono ${v.number} è già registrato senza il PES ${p.code}: l’importazione non modifica i buoni già presenti.`,
      });
    }
  }
  return errors;
}
