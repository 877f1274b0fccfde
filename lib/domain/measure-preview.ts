import { coveredHourlyRateCents, type BabysittingParams } from './babysitting';

export type RatePreview = { children: 'one' | 'multi'; capCents: number | null; before: number | null; after: number | null };

function rate(p: Partial<BabysittingParams> & { copayBasisPoints: number }, childrenCount: number): number | null {
  const cap = childrenCount === 1 ? p.hourlyCapOneChildCents : p.hourlyCapMultiChildCents;
  if (cap === null || cap === undefined) return null;
  return coveredHourlyRateCents(childrenCount, {
    hourlyCapOneChildCents: p.hourlyCapOneChildCents ?? 0,
    hourlyCapMultiChildCents: p.hourlyCapMultiChildCents ?? 0,
    copayBasisPoints: p.copayBasisPoints,
  });
}

type Params = { hourlyCapOneChildCents: number | null; hourlyCapMultiChildCents: number | null; copayBasisPoints: number };

/** What the voucher pays per hour, for one child and for two or more, with the current and the proposed parameters. */
export function previewCoveredRates(before: Params, after: Params): RatePreview[] {
  const b = { ...before, hourlyCapOneChildCents: before.hourlyCapOneChildCents ?? undefined, hourlyCapMultiChildCents: before.hourlyCapMultiChildCents ?? undefined };
  const a = { ...after, hourlyCapOneChildCents: after.hourlyCapOneChildCents ?? undefined, hourlyCapMultiChildCents: after.hourlyCapMultiChildCents ?? undefined };
  return [
    { children: 'one', capCents: after.hourlyCapOneChildCents, before: rate(b, 1), after: rate(a, 1) },
    { children: 'multi', capCents: after.hourlyCapMultiChildCents, before: rate(b, 2), after: rate(a, 2) },
  ];
}
