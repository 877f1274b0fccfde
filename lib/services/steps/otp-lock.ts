import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, vouchers } from '@/db/schema';

/**
 * Wrong OTP entries of the account holder over all their conversions (O2: at most 100 overall;
 * a new code does not reset it; the office's "Sblocca la firma" resets one conversion's count).
 */
export async function accountOtpFailures(tx: Tx, holderId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${conversions.otpFailedTotal}), 0)::int` })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .where(eq(vouchers.holderId, holderId));
  return Number(row?.n ?? 0);
}

/** Locks signing on the conversion: only the office can unlock it (otp_locked back to null). */
export async function lockSigning(tx: Tx, conversionId: string, now: Date, failures: number): Promise<void> {
  await tx
    .update(conversions)
    .set({ otpLocked: `Firma bloccata il ${now.toISOString()} dopo ${failures} codici OTP errati sull’account`, updatedAt: now })
    .where(and(eq(conversions.id, conversionId), sql`${conversions.otpLocked} is null`));
}
