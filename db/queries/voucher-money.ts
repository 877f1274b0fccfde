import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { pes } from '@/db/schema';
import { residualCents, type PesForResidual } from '@/lib/domain/residual';

/** The voucher's residual read inside the transaction that holds its row lock; optionally without one PES being edited. */
export async function residualInTx(tx: Tx, voucherId: string, excludePesId?: string): Promise<number> {
  const rows = await tx
    .select({ id: pes.id, kind: pes.kind, status: pes.status, amountCents: pes.amountCents, usedCents: pes.usedCents })
    .from(pes)
    .where(eq(pes.voucherId, voucherId));
  return residualCents(rows.filter((r) => r.id !== excludePesId) as (PesForResidual & { id: string })[]);
}

/** Next PES number on the voucher (BS-2020-0001/4 …): computed under the voucher lock, never reused since PES are never removed. */
export async function nextPesCode(tx: Tx, voucherId: string, voucherNumber: string): Promise<string> {
  const rows = await tx.select({ code: pes.code }).from(pes).where(eq(pes.voucherId, voucherId));
  const max = rows.reduce((m, r) => Math.max(m, Number(r.code.split('/').pop()) || 0), 0);
  return `${voucherNumber}/${max + 1}`;
}
