import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes, providers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { enqueueFamilyMessage } from '@/lib/notifications/enqueue-family-message';
import { providerPesDecidedMessage } from '@/lib/notifications/messages/provider-pes-decided';
import { notifyProviders } from '@/lib/services/transitions/notify-providers';
import { claimDecision } from './claim-decision';

/** Convalida: the conversion is approved; the family may start the services, each provider is told its PES. */
export async function approveConversion(
  db: Db,
  actor: Actor,
  input: { conversionId: string },
  ctx: { baseUrl?: string; now?: Date } = {},
) {
  const now = ctx.now ?? clockNow();
  if (actor.role !== 'office') throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const { conversion, family } = await claimDecision(tx, actor, input.conversionId, 'approved', null, now);
    const approved = await tx
      .select({
        id: pes.id,
        code: pes.code,
        providerId: pes.providerId,
        kind: pes.kind,
        band: pes.band,
        hours: pes.hours,
        amountCents: pes.amountCents,
        providerName: providers.name,
      })
      .from(pes)
      .innerJoin(providers, eq(providers.id, pes.providerId))
      .where(and(eq(pes.conversionId, conversion.id), eq(pes.status, 'validated')))
      .orderBy(pes.code);
    await writeAudit(tx, {
      actor,
      action: 'conversion.approved',
      entityType: 'voucher',
      entityId: family.voucherId,
      before: { conversionId: conversion.id, status: 'submitted' },
      after: {
        conversionId: conversion.id,
        status: 'approved',
        protocolNumber: conversion.protocolNumber,
        pes: approved.map((p) => p.code),
      },
      at: now,
    });
    const href = ctx.baseUrl ? `${ctx.baseUrl}/famiglia/buoni/${family.voucherId}` : undefined;
    await enqueueFamilyMessage(tx, family, 'conversion_approved', {
      ...family,
      protocolNumber: conversion.protocolNumber,
      href,
      pes: approved,
    });
    if (approved.length)
      await notifyProviders(tx, {
        pes: approved,
        holderId: family.holderId,
        voucherNumber: family.voucherNumber,
        message: providerPesDecidedMessage('approved'),
        baseUrl: ctx.baseUrl,
      });
    return { status: 'approved' as const, voucherId: family.voucherId };
  });
}
