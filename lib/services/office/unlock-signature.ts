import 'server-only';
import { storedLocale } from '@/lib/domain/locale';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { conversions, users, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { signatureUnlockedMessage } from '@/lib/notifications/messages/signature-unlocked';

/**
 * Sblocca la firma (O2): a family locked out by wrong OTP codes may sign again. Clears the lock and the
 * conversion's wrong-entry count (the per-account limit sums these), with the reason in the audit trail.
 */
export async function unlockSignature(
  db: Db,
  actor: Actor,
  input: { conversionId: string; reason: string },
  ctx: { baseUrl?: string; now?: Date } = {},
) {
  const now = ctx.now ?? new Date();
  if (actor.role !== 'office') throw new AppError('forbidden');
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw new AppError('invalid_input', undefined, { reason: 'Scrivi il motivo dello sblocco (almeno 5 caratteri).' });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(conversions).where(eq(conversions.id, input.conversionId)).for('update');
    if (!before) throw new AppError('not_found', 'La pratica non esiste.');
    const [unlocked] = await tx
      .update(conversions)
      .set({ otpLocked: null, otpFailedTotal: 0, updatedAt: now })
      .where(and(eq(conversions.id, before.id), isNotNull(conversions.otpLocked)))
      .returning({ id: conversions.id });
    if (!unlocked)
      throw new AppError('invalid_state', 'La firma di questa pratica non è bloccata: non c’è nulla da sbloccare.');
    const [family] = await tx
      .select({
        voucherId: vouchers.id,
        voucherNumber: vouchers.number,
        givenName: users.givenName,
        familyName: users.familyName,
        email: users.email,
        locale: users.locale,
      })
      .from(vouchers)
      .innerJoin(users, eq(users.id, vouchers.holderId))
      .where(eq(vouchers.id, before.voucherId));
    await writeAudit(tx, {
      actor,
      action: 'conversion.signature_unlocked',
      entityType: 'voucher',
      entityId: before.voucherId,
      before: { conversionId: before.id, otpLocked: before.otpLocked, otpFailedTotal: before.otpFailedTotal },
      after: { conversionId: before.id, otpLocked: null, otpFailedTotal: 0, reason },
      at: now,
    });
    const href = ctx.baseUrl ? `${ctx.baseUrl}/famiglia/buoni/${before.voucherId}` : undefined;
    await enqueueEmail(tx, {
      to: family!.email,
      ...signatureUnlockedMessage({ ...family!, href }, storedLocale(family!.locale)),
    });
    return { voucherId: before.voucherId };
  });
}
