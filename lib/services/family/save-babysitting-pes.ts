import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/open';
import { children, pes, pesChildren } from '@/db/schema';
import { getMeasureParameters, providerJoined } from '@/db/queries/measures';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import {
  babysittingAmountCents,
  babysittingParams,
  coveredHourlyRateCents,
  maxAdmissibleHours,
} from '@/lib/domain/babysitting';
import { isoDate } from '@/lib/domain/dates';
import { isMeasureOpen } from '@/lib/domain/measure-window';
import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import { refusal } from '@/lib/i18n/refusal';
import { translatorFor } from '@/lib/i18n/translator';
import { canEditNewPes, isConversionEditable } from '@/lib/domain/state-machines';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';
import { nextPesCode, residualInTx } from '@/db/queries/voucher-money';

export type SaveBabysittingInput = {
  voucherId: string;
  pesId?: string;
  childIds: string[];
  providerId: string;
  hours: number;
};

/** Every check of a new or edited babysitting PES, and its figures: amount = hours × covered hourly rate. */
async function planBabysittingPes(tx: Tx, actor: Actor, input: SaveBabysittingInput, now: Date, locale: Locale) {
  const say = translatorFor(locale, 'NewPesErrors');
  const money = (c: number) => formatMoney(c, locale);
  const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
  const conversion = await ensureConversion(tx, voucher.id);
  if (!isConversionEditable(conversion.status)) {
    throw refusal('invalid_state', 'alreadySentAdd');
  }
  if (!conversion.employmentCondition) {
    throw refusal('not_eligible', 'declareFirst');
  }
  const params = await getMeasureParameters(tx, 'babysitting_covid');
  if (!params || !isMeasureOpen(params, isoDate(now))) throw refusal('measure_closed', 'measureClosed');

  const childIds = [...new Set(input.childIds)];
  const kids = childIds.length
    ? await tx
        .select({ id: children.id })
        .from(children)
        .where(and(eq(children.voucherId, voucher.id), inArray(children.id, childIds)))
    : [];
  const fieldErrors: Record<string, string> = {};
  if (childIds.length === 0 || kids.length !== childIds.length) fieldErrors.childIds = say('childIds');
  // Checked against the database, not the drop-down: a posted id of a provider that did not join is refused.
  if (!(await providerJoined(tx, input.providerId, 'babysitting_covid')))
    fieldErrors.providerId = say('providerNotJoined');
  if (Object.keys(fieldErrors).length) throw new AppError('invalid_input', undefined, fieldErrors);

  let existing: typeof pes.$inferSelect | undefined;
  if (input.pesId) {
    // Only a PES of the current conversion: those of a rejected request are history.
    [existing] = await tx
      .select()
      .from(pes)
      .where(
        and(
          eq(pes.id, input.pesId),
          eq(pes.voucherId, voucher.id),
          eq(pes.conversionId, conversion.id),
          eq(pes.kind, 'babysitting_covid'),
        ),
      );
    if (!existing) throw new AppError('not_found');
    // Returned by the office (signed once): a validated PES may change too, and goes back to its provider.
    if (!canEditNewPes(existing.status, { reopened: conversion.submittedAt !== null })) {
      throw refusal('invalid_state', 'notEditable');
    }
  }

  const rate = coveredHourlyRateCents(childIds.length, babysittingParams(params));
  const residual = await residualInTx(tx, voucher.id, existing?.id);
  const maxHours = maxAdmissibleHours(residual, rate);
  if (!Number.isSafeInteger(input.hours) || input.hours < 1 || input.hours > maxHours) {
    throw new AppError('insufficient_residual', undefined, {
      hours:
        maxHours < 1
          ? say('residualTooSmall', { residual: money(residual), rate: money(rate) })
          : say('hoursRange', { max: maxHours, residual: money(residual), rate: money(rate) }),
    });
  }
  const amount = babysittingAmountCents(input.hours, rate);
  return { voucher, conversion, existing, childIds, rate, residual, maxHours, amount };
}

/**
 * Aggiorna on the new-PES form: the figures the PES would have (amount, covered hourly rate, residual after,
 * ore max ammissibili), with the same checks as saving and nothing written.
 */
export async function previewBabysittingPes(
  db: Db,
  actor: Actor,
  input: SaveBabysittingInput,
  now = new Date(),
  locale: Locale = 'it',
) {
  return db.transaction(async (tx) => {
    const p = await planBabysittingPes(tx, actor, input, now, locale);
    return {
      hours: input.hours,
      hourlyRateCents: p.rate,
      amountCents: p.amount,
      maxHours: p.maxHours,
      residualCents: p.residual,
      residualAfterCents: p.residual - p.amount,
    };
  });
}

/**
 * New (or edited) babysitting PES, Del. 575/2020: amount = hours × covered hourly rate, never more than
 * the residual. The voucher row lock serialises every spending of its money (M2).
 */
export async function saveBabysittingPes(
  db: Db,
  actor: Actor,
  input: SaveBabysittingInput,
  now = new Date(),
  locale: Locale = 'it',
) {
  return db.transaction(async (tx) => {
    const { voucher, conversion, existing, childIds, rate, residual, amount } = await planBabysittingPes(
      tx,
      actor,
      input,
      now,
      locale,
    );
    const values = {
      providerId: input.providerId,
      hours: input.hours,
      amountCents: amount,
      hourlyRateCents: rate,
      status: 'draft' as const,
      rejectionReason: null,
      updatedAt: now,
    };

    let pesId: string;
    let code: string;
    if (existing) {
      const [row] = await tx
        .update(pes)
        .set(values)
        .where(and(eq(pes.id, existing.id), eq(pes.status, existing.status)))
        .returning({ id: pes.id, code: pes.code });
      if (!row) throw new AppError('conflict');
      ({ id: pesId, code } = row);
      await tx.delete(pesChildren).where(eq(pesChildren.pesId, pesId));
    } else {
      const [row] = await tx
        .insert(pes)
        .values({
          ...values,
          code: await nextPesCode(tx, voucher.id, voucher.number),
          voucherId: voucher.id,
          conversionId: conversion.id,
          kind: 'babysitting_covid',
          createdAt: now,
        })
        .returning({ id: pes.id, code: pes.code });
      ({ id: pesId, code } = row!);
    }
    await tx.insert(pesChildren).values(childIds.map((childId) => ({ pesId, childId })));
    const common = {
      actor,
      entityType: 'voucher',
      entityId: voucher.id,
      after: {
        pesId,
        code,
        kind: 'babysitting_covid',
        status: 'draft',
        hours: input.hours,
        amountCents: amount,
        hourlyRateCents: rate,
        children: childIds.length,
      },
      at: now,
    } as const;
    await writeAudit(
      tx,
      existing
        ? {
            ...common,
            action: 'pes.updated',
            before: { pesId, code, status: existing.status, hours: existing.hours, amountCents: existing.amountCents },
          }
        : { ...common, action: 'pes.created', before: null },
    );
    await syncConversionStatus(tx, conversion.id, now);
    return { pesId, code, amountCents: amount, residualAfterCents: residual - amount };
  });
}
