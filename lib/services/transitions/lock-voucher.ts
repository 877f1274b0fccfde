import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { refusal } from '@/lib/i18n/refusal';

// The predicate of conversions_voucher_active_unique, spelled the same so ON CONFLICT can name that index.
const notRejected = sql`${conversions.status} <> 'rejected'`;

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
  if (voucher.status !== 'assigned') throw refusal('invalid_state', 'voucherClosed');
  return voucher;
}

/**
 * The voucher's current conversion (the one not rejected), created on first use — also after a rejection:
 * the partial unique index makes a second current one impossible (M3) — and locked: lock order is always
 * voucher → conversion → PES, so use cases that recompute the conversion's status see each other's
 * committed PES and never deadlock.
 */
export async function ensureConversion(tx: Tx, voucherId: string) {
  await tx
    .insert(conversions)
    .values({ voucherId })
    .onConflictDoNothing({ target: conversions.voucherId, where: notRejected });
  const [conversion] = await tx
    .select()
    .from(conversions)
    .where(and(eq(conversions.voucherId, voucherId), notRejected))
    .for('update');
  return conversion!;
}

/** The current conversion of a voucher, if any: a rejected one is history. */
export async function currentConversion(tx: Tx, voucherId: string) {
  const [conversion] = await tx
    .select()
    .from(conversions)
    .where(and(eq(conversions.voucherId, voucherId), notRejected))
    .for('update');
  return conversion ?? null;
}

/** Provider-side use cases lock the conversion (never the voucher) before touching its PES. */
export async function lockConversion(tx: Tx, conversionId: string) {
  const [conversion] = await tx.select().from(conversions).where(eq(conversions.id, conversionId)).for('update');
  if (!conversion) throw new AppError('not_found');
  return conversion;
}
