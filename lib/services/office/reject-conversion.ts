import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { enqueueFamilyMessage } from '@/lib/notifications/enqueue-family-message';
import { providerPesDecidedMessage } from '@/lib/notifications/messages/provider-pes-decided';
import { notifyProviders } from '@/lib/services/transitions/notify-providers';
import { claimDecision } from './claim-decision';

/**
 * Respingi, with the reason the family reads: the conversion is rejected (final) and its new PES are
 * cancelled, so their money is no longer committed (residual.ts RELEASED_STATUSES).
 */
export async function rejectConversion(
  db: Db,
  actor: Actor,
  input: { conversionId: string; reason: string },
  ctx: { baseUrl?: string; now?: Date } = {},
) {
  const now = ctx.now ?? clockNow();
  if (actor.role !== 'office') throw new AppError('forbidden');
  const reason = input.reason.trim();
  if (reason.length < 5)
    throw new AppError('invalid_input', undefined, {
      reason: 'Scrivi il motivo (almeno 5 caratteri): la famiglia lo leggerà.',
    });
  return db.transaction(async (tx) => {
    const { conversion, family } = await claimDecision(tx, actor, input.conversionId, 'rejected', reason, now);
    const cancelled = await tx
      .update(pes)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(pes.conversionId, conversion.id), notInArray(pes.status, ['deleted', 'cancelled'])))
      .returning({
        id: pes.id,
        code: pes.code,
        providerId: pes.providerId,
        kind: pes.kind,
        band: pes.band,
        hours: pes.hours,
        amountCents: pes.amountCents,
      });
    await writeAudit(tx, {
      actor,
      action: 'conversion.rejected',
      entityType: 'voucher',
      entityId: family.voucherId,
      before: { conversionId: conversion.id, status: 'submitted' },
      after: {
        conversionId: conversion.id,
        status: 'rejected',
        reason,
        protocolNumber: conversion.protocolNumber,
        cancelledPes: cancelled.map((p) => p.code).sort(),
      },
      at: now,
    });
    const href = ctx.baseUrl ? `${ctx.baseUrl}/famiglia/buoni/${family.voucherId}` : undefined;
    await enqueueFamilyMessage(tx, family, 'conversion_rejected', {
      ...family,
      protocolNumber: conversion.protocolNumber,
      reason,
      href,
    });
    if (cancelled.length)
      await notifyProviders(tx, {
        pes: cancelled,
        holderId: family.holderId,
        voucherNumber: family.voucherNumber,
        message: providerPesDecidedMessage('rejected'),
        baseUrl: ctx.baseUrl,
      });
    return { status: 'rejected' as const, voucherId: family.voucherId, cancelled: cancelled.length };
  });
}
