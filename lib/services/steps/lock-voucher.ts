import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';

/**
 * Locks the family's voucher row for the rest of the transaction: every use case that spends or
 * frees its money runs one at a time per voucher, so the residual can never go below zero (M2).
 */
export async function lockFamilyVoucher(tx: Tx, holderId: string, voucherId: string) {
  const [voucher] = await tx
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.id, voucherId), eq(vouchers.holderId, holderId)))
    .for('update');
  if (!voucher) throw new AppError('not_found');
  if (voucher.status !== 'assigned') throw new AppError('invalid_state', 'Il buono è concluso: non è possibile modificarlo.');
  return voucher;
}

/**
 * The voucher's one conversion, created on first use (the unique constraint makes a second one
 * impossible, M3) and locked: lock order is always voucher → conversion → PES, so use cases that
 * recompute the conversion's status see each other's committed PES and never deadlock.
 */
export async function ensureConversion(tx: Tx, voucherId: string) {
  await tx.insert(conversions).values({ voucherId }).onConflictDoNothing({ target: conversions.voucherId });
  const [conversion] = await tx.select().from(conversions).where(eq(conversions.voucherId, voucherId)).for('update');
  return conversion!;
}

/** Provider-side use cases lock the conversion (never the voucher) before touching its PES. */
export async function lockConversion(tx: Tx, conversionId: string) {
  const [conversion] = await tx.select().from(conversions).where(eq(conversions.id, conversionId)).for('update');
  if (!conversion) throw new AppError('not_found');
  return conversion;
}
