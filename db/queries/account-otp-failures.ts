import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, vouchers } from '@/db/schema';

/**
 * Wrong OTP entries of the account holder over all their conversions (O2: at most 100 overall;
 * a new code does not reset it; the office's "Sblocca la firma" resets one conversion's count).
 */
export async function accountOtpFailures(tx: DbOrTx, holderId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${conversions.otpFailedTotal}), 0)::int` })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .where(eq(vouchers.holderId, holderId));
  return Number(row?.n ?? 0);
}
