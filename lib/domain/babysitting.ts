import { toCents, type Cents } from './money';

/** Stored per measure and editable by the office; seeded from Del. 575/2020: 2000, 2500, 1000. */
export type BabysittingParams = {
  hourlyCapOneChildCents: number;
  hourlyCapMultiChildCents: number;
  /** Family's share of the hourly cost, in hundredths of a percent (1000 = 10 %). */
  copayBasisPoints: number;
};

const FULL = 10_000;

/** The rate parameters of a measure's stored row; an unset cap covers nothing rather than any amount. */
export function babysittingParams(m: {
  hourlyCapOneChildCents: number | null;
  hourlyCapMultiChildCents: number | null;
  copayBasisPoints: number;
}): BabysittingParams {
  return {
    hourlyCapOneChildCents: m.hourlyCapOneChildCents ?? 0,
    hourlyCapMultiChildCents: m.hourlyCapMultiChildCents ?? 0,
    copayBasisPoints: m.copayBasisPoints,
  };
}

/**
 * The part of the hourly cap the voucher pays: 18,00 € (one child) or 22,50 €
 * (two or more) with the seeded values. Rounded down when not a whole cent,
 * because the voucher must never cover more than its share of the cap.
 */
export function coveredHourlyRateCents(childrenCount: number, p: BabysittingParams): Cents {
  if (!Number.isInteger(childrenCount) || childrenCount < 1) {
    throw new RangeError(`A babysitting PES needs at least one child, got ${childrenCount}`);
  }
  const cap = toCents(childrenCount === 1 ? p.hourlyCapOneChildCents : p.hourlyCapMultiChildCents);
  const copay = p.copayBasisPoints;
  if (cap < 0 || !Number.isInteger(copay) || copay < 0 || copay > FULL) {
    throw new RangeError('Invalid babysitting parameters');
  }
  return toCents(Math.floor((cap * (FULL - copay)) / FULL));
}

/** ⌊residual ÷ rate⌋: the form refuses more hours than the residual can pay. */
export function maxAdmissibleHours(residualCents: number, rateCents: number): number {
  toCents(residualCents);
  if (!Number.isSafeInteger(rateCents) || rateCents <= 0) {
    throw new RangeError(`The hourly rate must be a positive number of cents, got ${rateCents}`);
  }
  return residualCents <= 0 ? 0 : Math.floor(residualCents / rateCents);
}

export function babysittingAmountCents(hours: number, rateCents: number): Cents {
  if (!Number.isSafeInteger(hours) || hours < 1) {
    throw new RangeError(`Hours must be a positive whole number, got ${hours}`);
  }
  return toCents(hours * toCents(rateCents));
}
