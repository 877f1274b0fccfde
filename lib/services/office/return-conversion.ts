import 'server-only';
import { now as clockNow } from '@/lib/clock';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { enqueueFamilyMessage } from '@/lib/notifications/enqueue-family-message';
import { suspendOfficeTermForIntegration } from '@/lib/services/transitions/office-term';
import { claimDecision } from './claim-decision';

/**
 * Richiedi integrazione: back to the family with what to fix. It may change its new PES and documents
 * (a changed PES goes back to its provider) and signs again; the protocol number is kept.
 */
export async function returnConversion(
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
      reason: 'Scrivi cosa deve integrare la famiglia (almeno 5 caratteri).',
    });
  return db.transaction(async (tx) => {
    const { conversion, family } = await claimDecision(tx, actor, input.conversionId, 'returned', reason, now);
    const term = await suspendOfficeTermForIntegration(tx, conversion, now);
    await writeAudit(tx, {
      actor,
      action: 'conversion.returned',
      entityType: 'voucher',
      entityId: family.voucherId,
      before: { conversionId: conversion.id, status: 'submitted' },
      after: {
        conversionId: conversion.id,
        status: 'returned',
        reason,
        protocolNumber: conversion.protocolNumber,
        // The office's term is suspended with these days used; the family answers by this date.
        decisionDaysUsed: term.daysUsed,
        integrationDueAt: term.integrationDueAt.toISOString(),
      },
      at: now,
    });
    const href = ctx.baseUrl ? `${ctx.baseUrl}/famiglia/buoni/${family.voucherId}#integrazione` : undefined;
    await enqueueFamilyMessage(tx, family, 'conversion_returned', {
      ...family,
      protocolNumber: conversion.protocolNumber,
      reason,
      href,
      answerBy: term.integrationDueAt,
    });
    return { status: 'returned' as const, voucherId: family.voucherId };
  });
}
