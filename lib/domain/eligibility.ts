/** Babysitting at home, COVID-19: who may use it (Del. G.P. Trento 575/2020). */
export const EMPLOYMENT_CONDITIONS = ['private_sector', 'public_health', 'public_security', 'other'] as const;
export type EmploymentCondition = (typeof EMPLOYMENT_CONDITIONS)[number];

export const EMPLOYMENT_CONDITION_LABELS: Record<EmploymentCondition, string> = {
  private_sector: 'Lavoratrice/lavoratore del settore privato',
  public_health:
    'Dipendente pubblico del comparto sanità (medici, infermieri, tecnici di laboratorio biomedico, tecnici di radiologia medica, OSS)',
  public_security: 'Dipendente pubblico dei comparti sicurezza, difesa e soccorso pubblico',
  other: 'Altra condizione',
};

export type EligibilityInput = {
  condition: EmploymentCondition;
  returnsToWorkOutsideHome: boolean;
  twoParentHousehold: boolean;
  otherParentEmployed: boolean;
};

export type EligibilityReason = 'condition_not_covered' | 'not_returning_to_work' | 'other_parent_not_employed';

export const ELIGIBILITY_REASON_MESSAGES: Record<EligibilityReason, string> = {
  condition_not_covered:
    'Il servizio di baby-sitting è riservato a chi lavora nel settore privato o come dipendente pubblico dei comparti sanità, sicurezza, difesa e soccorso pubblico. Puoi comunque usare il residuo per i servizi estivi.',
  not_returning_to_work:
    'Il servizio di baby-sitting è previsto solo se riprendi a lavorare fuori casa. Puoi comunque usare il residuo per i servizi estivi.',
  other_parent_not_employed:
    "Nei nuclei con due genitori il servizio di baby-sitting è previsto solo se anche l'altro genitore lavora. Puoi comunque usare il residuo per i servizi estivi.",
};

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
