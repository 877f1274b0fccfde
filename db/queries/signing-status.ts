import 'server-only';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, otpCodes, users, vouchers } from '@/db/schema';
import { isOtpExpired, MAX_WRONG_PER_CODE, maskMobile, sendAllowance, SEND_WINDOW_SECONDS } from '@/lib/domain/otp';

export type SigningStatus = {
  maskedMobile: string | null;
  locked: boolean;
  /** The code that CONFERMA E INVIA would check, if one is current. */
  activeCode: { expiresAt: string; attemptsLeft: number } | null;
  /** When INVIA OTP / RICHIEDI NUOVO CODICE works again; null = now. */
  nextSendAt: string | null;
  serverNow: string;
};

/** What the signing dialog shows; `holderId` is required, a family only ever sees its own. */
export async function getSigningStatus(
  db: DbOrTx,
  holderId: string,
  voucherId: string,
  now = new Date(),
): Promise<SigningStatus | null> {
  const [head] = await db
    .select({ conversionId: conversions.id, otpLocked: conversions.otpLocked, mobile: users.mobile })
    .from(vouchers)
    .innerJoin(users, eq(users.id, vouchers.holderId))
    // The conversion being signed: a rejected one is history (conversions_voucher_active_unique).
    .leftJoin(conversions, and(eq(conversions.voucherId, vouchers.id), ne(conversions.status, 'rejected')))
    .where(and(eq(vouchers.id, voucherId), eq(vouchers.holderId, holderId)));
  if (!head) return null;
  const codes = head.conversionId
    ? await db
        .select({
          createdAt: otpCodes.createdAt,
          expiresAt: otpCodes.expiresAt,
          failedAttempts: otpCodes.failedAttempts,
          usedAt: otpCodes.usedAt,
          cancelledAt: otpCodes.cancelledAt,
        })
        .from(otpCodes)
        .where(
          and(
            eq(otpCodes.conversionId, head.conversionId),
            gt(otpCodes.createdAt, new Date(now.getTime() - SEND_WINDOW_SECONDS * 1000)),
          ),
        )
        .orderBy(desc(otpCodes.createdAt))
    : [];
  const latest = codes[0];
  const current =
    latest && !latest.usedAt && !latest.cancelledAt && !isOtpExpired(latest.expiresAt, now) ? latest : null;
  const allowance = sendAllowance(
    codes.map((c) => c.createdAt),
    now,
  );
  return {
    maskedMobile: head.mobile ? maskMobile(head.mobile) : null,
    locked: head.otpLocked !== null,
    activeCode: current
      ? { expiresAt: current.expiresAt.toISOString(), attemptsLeft: MAX_WRONG_PER_CODE - current.failedAttempts }
      : null,
    nextSendAt: allowance.allowed ? null : allowance.retryAt.toISOString(),
    serverNow: now.toISOString(),
  };
}
