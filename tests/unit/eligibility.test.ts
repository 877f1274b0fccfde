import { describe, it, expect } from 'vitest';
import {
  ELIGIBILITY_REASON_MESSAGES,
  EMPLOYMENT_CONDITIONS,
  EMPLOYMENT_CONDITION_LABELS,
  babysittingEligibility,
  type EligibilityReason,
  type EmploymentCondition,
} from '@/lib/domain/eligibility';

const bools = [true, false] as const;

// Expected outcome written independently of the implementation, from Del. 575/2020.
function expected(
  condition: EmploymentCondition,
  returnsToWorkOutsideHome: boolean,
  twoParentHousehold: boolean,
  otherParentEmployed: boolean,
) {
  const reasons: EligibilityReason[] = [];
  const covered = ['private_sector', 'public_health', 'public_security'].includes(condition);
  if (!covered) reasons.push('condition_not_covered');
  if (!returnsToWorkOutsideHome) reasons.push('not_returning_to_work');
  if (twoParentHousehold && !otherParentEmployed) reasons.push('other_parent_not_employed');
  return reasons.length
    ? { eligible: false, reasons }
    : { eligible: true, requiresEmployerConfirmation: condition.startsWith('public_') };
}

const table = EMPLOYMENT_CONDITIONS.flatMap((condition) =>
  bools.flatMap((returnsToWorkOutsideHome) =>
    bools.flatMap((twoParentHousehold) =>
      bools.map((otherParentEmployed) => ({
        condition,
        returnsToWorkOutsideHome,
        twoParentHousehold,
        otherParentEmployed,
      })),
    ),
  ),
);

describe('babysittingEligibility: every condition × every declaration', () => {
  it('covers all 32 combinations', () => {
    expect(table).toHaveLength(32);
  });

  it.each(table)('%o', (input) => {
    expect(babysittingEligibility(input)).toEqual(
      expected(input.condition, input.returnsToWorkOutsideHome, input.twoParentHousehold, input.otherParentEmployed),
    );
  });
});

describe('babysittingEligibility: named cases', () => {
  it('a single private-sector parent returning to work is eligible without employer confirmation', () => {
    expect(
      babysittingEligibility({
        condition: 'private_sector',
        returnsToWorkOutsideHome: true,
        twoParentHousehold: false,
        otherParentEmployed: false,
      }),
    ).toEqual({ eligible: true, requiresEmployerConfirmation: false });
  });

  it('a nurse in a two-parent household with an employed partner must confirm the employer', () => {
    expect(
      babysittingEligibility({
        condition: 'public_health',
        returnsToWorkOutsideHome: true,
        twoParentHousehold: true,
        otherParentEmployed: true,
      }),
    ).toEqual({ eligible: true, requiresEmployerConfirmation: true });
  });

  it('lists all three reasons at once, in a stable order', () => {
    expect(
      babysittingEligibility({
        condition: 'other',
        returnsToWorkOutsideHome: false,
        twoParentHousehold: true,
        otherParentEmployed: false,
      }),
    ).toEqual({
      eligible: false,
      reasons: ['condition_not_covered', 'not_returning_to_work', 'other_parent_not_employed'],
    });
  });
});

describe('texts', () => {
  it('every condition has an Italian label', () => {
    for (const c of EMPLOYMENT_CONDITIONS) expect(EMPLOYMENT_CONDITION_LABELS[c]).toMatch(/\w{5,}/);
    expect(EMPLOYMENT_CONDITION_LABELS.public_health).toMatch(/sanità.*OSS/);
  });

  it('every refusal says why and points to summer services', () => {
    for (const m of Object.values(ELIGIBILITY_REASON_MESSAGES)) {
      expect(m).toMatch(/baby-sitting/);
      expect(m).toMatch(/servizi estivi/);
    }
  });
});
