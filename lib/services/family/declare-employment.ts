import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { conversions } from '@/db/schema';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { babysittingEligibility, type EligibilityReason, type EmploymentCondition } from '@/lib/domain/eligibility';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';

export type DeclareEmploymentInput = {
  voucherId: string;
  condition: EmploymentCondition;
  returnsToWorkOutsideHome: boolean;
  otherParentEmployed: boolean;
  employerConfirmed: boolean;
};

export type DeclareEmploymentOutcome =
  | { eligible: false; reasons: EligibilityReason[] }
  | { eligible: true; needsEmployerConfirmation: true }
  | { eligible: true; recorded: true };

/**
 * Condizione di occupazione (guide §3.2, Del. 575/2020). Nothing is stored unless the family is
 * eligible and, for health and security/defence/rescue employees, has confirmed the employer data.
 */
export async function declareEmployment(
  db: Db,
  actor: Actor,
  input: DeclareEmploymentInput,
  now = new Date(),
): Promise<DeclareEmploymentOutcome> {
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const result = babysittingEligibility({
      condition: input.condition,
      returnsToWorkOutsideHome: input.returnsToWorkOutsideHome,
      // The household composition comes from the voucher application, not from the form.
      twoParentHousehold: voucher.twoParentHousehold,
      otherParentEmployed: input.otherParentEmployed,
    });
    if (!result.eligible) return { eligible: false, reasons: result.reasons };
    if (result.requiresEmployerConfirmation && !input.employerConfirmed)
      return { eligible: true, needsEmployerConfirmation: true };

    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status)) throw refusal('invalid_state', 'alreadySentDeclare');
    const declarations = {
      returnsToWorkOutsideHome: input.returnsToWorkOutsideHome,
      twoParentHousehold: voucher.twoParentHousehold,
      otherParentEmployed: voucher.twoParentHousehold ? input.otherParentEmployed : false,
    };
    await tx
      .update(conversions)
      .set({
        employmentCondition: input.condition,
        declarations,
        employerConfirmedAt: result.requiresEmployerConfirmation ? now : null,
        updatedAt: now,
      })
      .where(eq(conversions.id, conversion.id));
    await writeAudit(tx, {
      actor,
      action: 'conversion.employment_declared',
      entityType: 'voucher',
      entityId: voucher.id,
      before: conversion.employmentCondition ? { condition: conversion.employmentCondition } : null,
      after: {
        condition: input.condition,
        ...declarations,
        ...(result.requiresEmployerConfirmation
          ? { employerConfirmed: { name: voucher.employerName, taxCode: voucher.employerTaxCode } }
          : {}),
      },
      at: now,
    });
    return { eligible: true, recorded: true };
  });
}
