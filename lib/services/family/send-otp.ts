import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locale';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { otpCodes, users } from '@/db/schema';
import { accountOtpFailures } from '@/db/queries/account-otp-failures';
import { buildDossier } from '@/db/queries/build-dossier';
import { AppError } from '@/lib/app-error';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import {
  maskMobile,
  MAX_WRONG_PER_ACCOUNT,
  OTP_TTL_SECONDS,
  otpExpiry,
  sendAllowance,
  SEND_WINDOW_SECONDS,
  waitAmount,
} from '@/lib/domain/otp';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { submissionGate } from '@/lib/domain/submission-gate';
import { enqueueSms } from '@/lib/notifications/enqueue';
import { otpSms } from '@/lib/notifications/messages/otp-sms';
import { lockFamilyVoucher, ensureConversion } from '@/lib/services/transitions/lock-voucher';
import { lockSigning } from '@/lib/services/transitions/lock-signing';
import { generateOtp, hashOtp } from '@/lib/auth/otp-code';

/**
 * INVIA OTP / RICHIEDI NUOVO CODICE (guide §4): a new 6-digit code, bound to the conversion and to
 * the SHA-256 of the dossier as it is now, sent by SMS to the number in the holder's profile (never
 * one from the request). It cancels the previous code. Sends are limited per conversion (O3).
 */
export async function sendOtp(db: Db, actor: Actor, input: { voucherId: string }, ctx: { now?: Date } = {}) {
  const now = ctx.now ?? clockNow();
  if (actor.role !== 'family') throw new AppError('forbidden');
  const outcome = await db.transaction(async (tx) => {
    // The voucher lock serialises sends and confirmations of one conversion.
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (conversion.otpLocked !== null) throw new AppError('otp_locked');
    const failures = await accountOtpFailures(tx, actor.userId);
    if (failures >= MAX_WRONG_PER_ACCOUNT) {
      await lockSigning(tx, conversion.id, now, failures);
      return { locked: true as const };
    }
    const built = await buildDossier(tx, conversion.id);
    if (!built) throw new AppError('not_found');
    const { dossier, sha256, standardPes } = built;
    const gate = submissionGate(
      conversion.status as ConversionStatus,
      dossier.newPes.map((p) => ({ ...p, hasDocument: p.document !== null })),
      standardPes,
    );
    if (!gate.canSubmit || !['ready_to_submit', 'returned'].includes(conversion.status)) {
      throw new AppError(
        'invalid_state',
        `La richiesta non può ancora essere inviata: ${gate.missing.join('; ') || 'ricarica la pagina'}.`,
      );
    }
    const recent = await tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(
        and(
          eq(otpCodes.conversionId, conversion.id),
          gt(otpCodes.createdAt, new Date(now.getTime() - SEND_WINDOW_SECONDS * 1000)),
        ),
      )
      .orderBy(desc(otpCodes.createdAt));
    const allowance = sendAllowance(
      recent.map((r) => r.createdAt),
      now,
    );
    if (!allowance.allowed) {
      const wait = waitAmount(allowance.retryAt, now);
      throw refusal('otp_rate_limited', wait.unit === 'seconds' ? 'otpWaitSeconds' : 'otpWaitMinutes', {
        reason: allowance.reason,
        n: wait.n,
      });
    }
    const [holder] = await tx
      .select({ mobile: users.mobile, locale: users.locale })
      .from(users)
      .where(eq(users.id, actor.userId));
    if (!holder?.mobile) {
      throw refusal('invalid_state', 'noMobile');
    }
    // A new code cancels the previous one (O1): only the latest can sign.
    await tx
      .update(otpCodes)
      .set({ cancelledAt: now })
      .where(and(eq(otpCodes.conversionId, conversion.id), isNull(otpCodes.usedAt), isNull(otpCodes.cancelledAt)));
    const id = randomUUID();
    const code = generateOtp();
    const masked = maskMobile(holder.mobile);
    await tx.insert(otpCodes).values({
      id,
      conversionId: conversion.id,
      codeHash: hashOtp(id, code),
      dossierSha256: sha256,
      maskedMobile: masked,
      expiresAt: otpExpiry(now),
      createdAt: now,
    });
    await enqueueSms(tx, {
      to: holder.mobile,
      text: otpSms(
        { code, voucherNumber: voucher.number, minutes: OTP_TTL_SECONDS / 60 },
        isLocale(holder.locale) ? holder.locale : DEFAULT_LOCALE,
      ),
      secret: { values: [code], expiresAt: otpExpiry(now) },
    });
    await writeAudit(tx, {
      actor,
      action: 'conversion.otp_sent',
      entityType: 'voucher',
      entityId: voucher.id,
      after: { otpId: id, maskedMobile: masked, dossierSha256: sha256 },
      at: now,
    });
    return { locked: false as const, otpId: id, maskedMobile: masked, expiresAt: otpExpiry(now) };
  });
  // Committed before refusing: the lock must survive the refusal.
  if (outcome.locked) throw new AppError('otp_locked');
  return outcome;
}
