import employment from '@/messages/it/EmploymentDialog.json';

/** Babysitting at home, COVID-19: who may use it (Del. G.P. Trento 575/2020). */
export const EMPLOYMENT_CONDITIONS = ['private_sector', 'public_health', 'public_security', 'other'] as const;
export type EmploymentCondition = (typeof EMPLOYMENT_CONDITIONS)[number];

// The Italian catalogue is the one source of these words: staff pages and the receipt read them here, the
// family's pages through the catalogue in the reader's language.
export const EMPLOYMENT_CONDITION_LABELS: Record<EmploymentCondition, string> = employment.condition;

export type EligibilityInput = {
  condition: EmploymentCondition;
  returnsToWorkOutsideHome: boolean;
  twoParentHousehold: boolean;
  otherParentEmployed: boolean;
};

export type EligibilityReason = 'condition_not_covered' | 'not_returning_to_work' | 'other_parent_not_employed';

export const ELIGIBILITY_REASON_MESSAGES: Record<EligibilityReason, string> = employment.reason;

export type EligibilityResult =
  { eligible: true; requiresEmployerConfirmation: boolean } | { eligible: false; reasons: EligibilityReason[] };

// Public employees must confirm the employer recorded with the voucher application,
// because the measure is limited to the listed public sectors.
const EMPLOYER_CONFIRMATION: ReadonlySet<EmploymentCondition> = new Set(['public_health', 'public_security']);

/** Lists every failing condition, so the family learns all of them at once. */
export function babysittingEligibility(i: EligibilityInput): EligibilityResult {
  const reasons: EligibilityReason[] = [];
  if (i.condition === 'other') reasons.push('condition_not_covered');
  if (!i.returnsToWorkOutsideHome) reasons.push('not_returning_to_work');
  if (i.twoParentHousehold && !i.otherParentEmployed) reasons.push('other_parent_not_employed');
  if (reasons.length > 0) return { eligible: false, reasons };
  return { eligible: true, requiresEmployerConfirmation: EMPLOYER_CONFIRMATION.has(i.condition) };
}
