import { coveredHourlyRateCents } from './babysitting';

/** A measure's hourly caps may be unset (summer services are agreed in euro, not per hour). */
export type RateParams = {
  hourlyCapOneChildCents: number | null;
  hourlyCapMultiChildCents: number | null;
  copayBasisPoints: number;
};
export type RatePreview = {
  children: 'one' | 'multi';
  capCents: number | null;
  before: number | null;
  after: number | null;
};

function rate(p: RateParams, childrenCount: 1 | 2): number | null {
  const cap = childrenCount === 1 ? p.hourlyCapOneChildCents : p.hourlyCapMultiChildCents;
  if (cap === null) return null;
  return coveredHourlyRateCents(childrenCount, {
    hourlyCapOneChildCents: cap,
    hourlyCapMultiChildCents: cap,
    copayBasisPoints: p.copayBasisPoints,
  });
}

/** What the voucher pays per hour, for one child and for two or more, with the current and the proposed parameters. */
export function previewCoveredRates(before: RateParams, after: RateParams): RatePreview[] {
  return [
    { children: 'one', capCents: after.hourlyCapOneChildCents, before: rate(before, 1), after: rate(after, 1) },
    { children: 'multi', capCents: after.hourlyCapMultiChildCents, before: rate(before, 2), after: rate(after, 2) },
  ];
}
