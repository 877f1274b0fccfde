import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions } from '@/db/schema';

/** Locks signing on the conversion: only the office can unlock it (otp_locked back to null). */
export async function lockSigning(tx: Tx, conversionId: string, now: Date, failures: number): Promise<void> {
  await tx
    .update(conversions)
    .set({
      otpLocked: `Firma bloccata il ${now.toISOString()} dopo ${failures} codici OTP errati sull’account`,
      updatedAt: now,
    })
    .where(and(eq(conversions.id, conversionId), sql`${conversions.otpLocked} is null`));
}
