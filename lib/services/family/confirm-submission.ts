import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { conversions, otpCodes, users } from '@/db/schema';
import { accountOtpFailures } from '@/db/queries/account-otp-failures';
import { buildDossier } from '@/db/queries/build-dossier';
import { AppError } from '@/lib/app-error';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { isOtpExpired, MAX_WRONG_PER_ACCOUNT, MAX_WRONG_PER_CODE } from '@/lib/domain/otp';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { submissionGate } from '@/lib/domain/submission-gate';
import { currentConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';
import { lockSigning } from '@/lib/services/transitions/lock-signing';
import { verifyOtp } from '@/lib/auth/otp-code';
import { recordSubmission } from './record-submission';

type Ctx = { now?: Date; baseUrl?: string; userAgent?: string | null };
type Refusal = { refused: AppError };

/**
 * CONFERMA E INVIA (guide §4), one transaction: the current code is checked and consumed, the
 * dossier is recomputed and must hash as when the code was sent, and the conversion is submitted.
 * Wrong entries are counted and committed even though the call is refused (O2).
 */
export async function confirmSubmission(
  db: Db,
  actor: Actor,
  input: { voucherId: string; code: string },
  ctx: Ctx = {},
) {
  const now = ctx.now ?? clockNow();
  if (actor.role !== 'family') throw new AppError('forbidden');
  const outcome = await db.transaction(
    async (tx): Promise<Refusal | { protocolNumber: string; submissionId: string }> => {
      // The voucher lock serialises concurrent confirmations: the second one sees the code used.
      const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
      const conversion = await currentConversion(tx, voucher.id);
      if (!conversion) throw new AppError('invalid_state', 'Non c’è una modifica PES da inviare per questo buono.');
      if (conversion.status === 'submitted' || conversion.status === 'approved' || conversion.status === 'rejected') {
        throw new AppError(
          'invalid_state',
          `La richiesta è già stata inviata${conversion.protocolNumber ? ` con il protocollo ${conversion.protocolNumber}` : ''}.`,
        );
      }
      if (conversion.otpLocked !== null) throw new AppError('otp_locked');
      const [otp] = await tx
        .select()
        .from(otpCodes)
        .where(and(eq(otpCodes.conversionId, conversion.id), isNull(otpCodes.usedAt), isNull(otpCodes.cancelledAt)))
        .orderBy(desc(otpCodes.createdAt))
        .limit(1);
      if (!otp) throw new AppError('otp_missing');
      if (isOtpExpired(otp.expiresAt, now)) throw new AppError('otp_expired');

      if (!verifyOtp(otp.codeHash, otp.id, input.code)) {
        const failedAttempts = otp.failedAttempts + 1;
        await tx
          .update(otpCodes)
          .set({ failedAttempts, ...(failedAttempts >= MAX_WRONG_PER_CODE ? { cancelledAt: now } : {}) })
          .where(eq(otpCodes.id, otp.id));
        await tx
          .update(conversions)
          .set({ otpFailedTotal: sql`${conversions.otpFailedTotal} + 1` })
          .where(eq(conversions.id, conversion.id));
        const accountFailures = await accountOtpFailures(tx, actor.userId);
        await writeAudit(tx, {
          actor,
          action: 'conversion.otp_failed',
          entityType: 'voucher',
          entityId: voucher.id,
          after: { otpId: otp.id, failedAttempts, accountFailures },
          at: now,
        });
        if (accountFailures >= MAX_WRONG_PER_ACCOUNT) {
          await lockSigning(tx, conversion.id, now, accountFailures);
          await writeAudit(tx, {
            actor,
            action: 'conversion.signature_locked',
            entityType: 'voucher',
            entityId: voucher.id,
            after: { accountFailures },
            at: now,
          });
          return { refused: new AppError('otp_locked') };
        }
        const left = MAX_WRONG_PER_CODE - failedAttempts;
        return {
          refused: left > 0 ? refusal('otp_wrong', 'otpWrongLeft', { left }) : refusal('otp_wrong', 'otpWrongSpent'),
        };
      }

      const built = await buildDossier(tx, conversion.id);
      if (!built) throw new AppError('not_found');
      const { dossier, sha256, standardPes } = built;
      const gate = submissionGate(
        conversion.status as ConversionStatus,
        dossier.newPes.map((p) => ({ ...p, hasDocument: p.document !== null })),
        standardPes,
      );
      if (sha256 !== otp.dossierSha256 || !gate.canSubmit) {
        // The code signed other content, or content that may still change (a closing requested after the code
        // was sent): it must never sign this one.
        await tx.update(otpCodes).set({ cancelledAt: now }).where(eq(otpCodes.id, otp.id));
        await writeAudit(tx, {
          actor,
          action: 'conversion.otp_invalidated',
          entityType: 'voucher',
          entityId: voucher.id,
          after: { otpId: otp.id, reason: 'dossier_changed' },
          at: now,
        });
        if (sha256 === otp.dossierSha256)
          return {
            refused: new AppError(
              'invalid_state',
              `La richiesta non può ancora essere inviata: ${gate.missing.join('; ')}.`,
            ),
          };
        return { refused: new AppError('otp_dossier_changed') };
      }
      const consumed = await tx
        .update(otpCodes)
        .set({ usedAt: now })
        .where(and(eq(otpCodes.id, otp.id), isNull(otpCodes.usedAt), isNull(otpCodes.cancelledAt)))
        .returning({ id: otpCodes.id });
      if (consumed.length !== 1) throw new AppError('otp_missing');

      const [holder] = await tx
        .select({ email: users.email, locale: users.locale })
        .from(users)
        .where(eq(users.id, actor.userId));
      return recordSubmission(tx, {
        actor,
        conversion,
        voucher,
        holder: holder!,
        dossier,
        sha256,
        signature: {
          signedAt: now.toISOString(),
          maskedMobile: otp.maskedMobile,
          otpId: otp.id,
          dossierSha256: sha256,
          ip: actor.ip,
          userAgent: ctx.userAgent?.slice(0, 300) ?? null,
        },
        now,
        baseUrl: ctx.baseUrl,
      });
    },
  );
  if ('refused' in outcome) throw outcome.refused;
  return outcome;
}
