import { describe, it, expect } from 'vitest';
import {
  babysittingParams,
  babysittingAmountCents,
  coveredHourlyRateCents,
  maxAdmissibleHours,
  type BabysittingParams,
} from '@/lib/domain/babysitting';
import { saveBabysittingPesSchema } from '@/lib/validation/babysitting';

const seeded: BabysittingParams = {
  hourlyCapOneChildCents: 2000,
  hourlyCapMultiChildCents: 2500,
  copayBasisPoints: 1000,
};

describe('coveredHourlyRateCents (Del. 575/2020)', () => {
  it.each([
    [1, 1800],
    [2, 2250],
    [3, 2250],
    [7, 2250],
  ])('%i child(ren) → %i cents per hour', (children, rate) => {
    expect(coveredHourlyRateCents(children, seeded)).toBe(rate);
  });

  it.each([
    [{ ...seeded, copayBasisPoints: 0 }, 1, 2000],
    [{ ...seeded, copayBasisPoints: 10000 }, 1, 0],
    [{ ...seeded, copayBasisPoints: 1500 }, 2, 2125],
    // 1999 × 0,9 = 1799,1: rounded down, never above the voucher's share
    [{ ...seeded, hourlyCapOneChildCents: 1999 }, 1, 1799],
    [{ ...seeded, hourlyCapMultiChildCents: 2501, copayBasisPoints: 3333 }, 2, 1667],
  ])('follows the stored parameters %o for %i child(ren) → %i', (params, children, rate) => {
    expect(coveredHourlyRateCents(children, params)).toBe(rate);
  });

  it.each([0, -1, 1.5, NaN])('refuses %s children', (n) => {
    expect(() => coveredHourlyRateCents(n, seeded)).toThrow(RangeError);
  });

  it.each([
    { ...seeded, copayBasisPoints: -1 },
    { ...seeded, copayBasisPoints: 10001 },
    { ...seeded, copayBasisPoints: 10.5 },
    { ...seeded, hourlyCapOneChildCents: -2000 },
    { ...seeded, hourlyCapOneChildCents: 20.5 },
  ])('refuses invalid parameters %o', (params) => {
    expect(() => coveredHourlyRateCents(1, params)).toThrow(RangeError);
  });
});

describe('maxAdmissibleHours', () => {
  it.each([
    [328245, 1800, 182],
    [328245, 2250, 145],
    [120000, 1800, 66],
    [1800, 1800, 1],
    [1799, 1800, 0],
    [0, 1800, 0],
    [-500, 1800, 0],
  ])('residual %i at %i/h → %i h', (residual, rate, hours) => {
    expect(maxAdmissibleHours(residual, rate)).toBe(hours);
  });

  it('the maximum always fits the residual and one hour more does not', () => {
    for (const [residual, rate] of [
      [328245, 1800],
      [328245, 2250],
      [120000, 1800],
      [99999, 2125],
    ] as const) {
      const h = maxAdmissibleHours(residual, rate);
      expect(babysittingAmountCents(h, rate)).toBeLessThanOrEqual(residual);
      expect(babysittingAmountCents(h + 1, rate)).toBeGreaterThan(residual);
    }
  });

  it.each([0, -1800, 18.5])('refuses the rate %s', (rate) => {
    expect(() => maxAdmissibleHours(328245, rate)).toThrow(RangeError);
  });
});

describe('babysittingAmountCents', () => {
  it.each([
    [182, 1800, 327600],
    [145, 2250, 326250],
    [1, 1800, 1800],
  ])('%i h × %i → %i', (hours, rate, amount) => {
    expect(babysittingAmountCents(hours, rate)).toBe(amount);
  });

  it.each([0, -1, 2.5, NaN])('refuses %s hours', (hours) => {
    expect(() => babysittingAmountCents(hours, 1800)).toThrow(RangeError);
  });
});

describe('babysitting PES hours field', () => {
  const base = {
    voucherId: '00000000-0000-4000-8000-000000000001',
    childIds: ['00000000-0000-4000-8000-000000000002'],
    providerId: '00000000-0000-4000-8000-000000000003',
  };
  it.each([[true], [['5']], ['1e3'], ['5.0'], [' '], ['0'], [5]])('refuses %j as hours', (hours) => {
    expect(saveBabysittingPesSchema.safeParse({ ...base, hours }).success).toBe(false);
  });
  it('accepts digits, trimmed', () => {
    expect(saveBabysittingPesSchema.safeParse({ ...base, hours: ' 40 ' })).toMatchObject({
      success: true,
      data: { hours: 40 },
    });
  });
});

describe('babysittingParams', () => {
  it('takes the rate parameters of a measure row; an unset cap covers nothing', () => {
    expect(
      babysittingParams({ hourlyCapOneChildCents: 2000, hourlyCapMultiChildCents: 2500, copayBasisPoints: 1000 }),
    ).toEqual({ hourlyCapOneChildCents: 2000, hourlyCapMultiChildCents: 2500, copayBasisPoints: 1000 });
    expect(
      coveredHourlyRateCents(
        1,
        babysittingParams({ hourlyCapOneChildCents: null, hourlyCapMultiChildCents: null, copayBasisPoints: 1000 }),
      ),
    ).toBe(0);
  });
});
