import { bandsForChild, type Band } from './bands';
import { maxAdmissibleHours, coveredHourlyRateCents, type BabysittingParams } from './babysitting';
import { toCents, type Cents } from './money';
import type { MeasureWindow } from './measure-window';

/**
 * The day a summer service starts, on which the child's age decides the band (Del. 742/2020).
 * The guide's form has no start date: services start when the measure opens, or today if it is
 * already open — a PES entered today can only cover days from today on.
 */
export function summerServiceStart(window: MeasureWindow, today: string): string {
  return window.opensOn > today ? window.opensOn : today;
}

/**
 * The page's running residual: the voucher's residual net of every PES typed on the page, and the
 * first PES (by position) whose amount takes the total over it — that is where the error goes.
 * Amounts not typed yet (null) count as zero.
 */
export function runningResidual(
  residualCents: number,
  amounts: readonly (number | null)[],
): { leftCents: Cents; overdrawIndex: number | null } {
  let left = toCents(residualCents);
  let overdrawIndex: number | null = null;
  amounts.forEach((a, i) => {
    if (a === null) return;
    left = toCents(left - toCents(a));
    if (left < 0 && overdrawIndex === null) overdrawIndex = i;
  });
  return { leftCents: left, overdrawIndex };
}

export type ResidualBuys = {
  residualCents: Cents;
  babysitting: {
    oneChild: { hours: number; rateCents: Cents };
    multiChild: { hours: number; rateCents: Cents };
  } | null;
  summerUpToCents: Cents | null;
};

/**
 * What the residual buys, before the family chooses: babysitting hours at the covered hourly rates
 * (from the measure's parameters, null when the measure is not available to this family) and summer
 * services up to the whole residual (null when that measure is closed).
 */
export function whatResidualBuys(
  residualCents: number,
  babysitting: BabysittingParams | null,
  summerOpen: boolean,
): ResidualBuys {
  const residual = toCents(Math.max(0, residualCents));
  const at = (children: number) => {
    const rateCents = coveredHourlyRateCents(children, babysitting!);
    return { hours: rateCents > 0 ? maxAdmissibleHours(residual, rateCents) : 0, rateCents };
  };
  return {
    residualCents: residual,
    babysitting: babysitting ? { oneChild: at(1), multiChild: at(2) } : null,
    summerUpToCents: summerOpen ? residual : null,
  };
}

export type SummerRow = { childId: string; band: Band; providerId: string; amountCents: number; hours: number };
export type SummerChild = { id: string; givenName: string; birthDate: string; disability: boolean };
export type SummerProvider = { id: string; name: string; bands: readonly Band[] };

/**
 * A refused field of the summer page, as a catalogue key (Refusals.summer_<key>) with its values: the
 * action says it in the family's language. Values ending in `Cents` are amounts
 * and lists are alternatives ("A o B"), both written the reader's way.
 */
export type SummerIssue = {
  key:
    | 'summer_childNotOnVoucher'
    | 'summer_bandNotForAge'
    | 'summer_noBandForAge'
    | 'summer_providerNotJoined'
    | 'summer_providerNoBand'
    | 'summer_overdrawMax'
    | 'summer_overdrawNone';
  values?: Record<string, string | number | string[]>;
};

/**
 * The server's re-check of the page (the browser only offers what fits): each PES's child is on the
 * voucher, its band fits the child's age on the service start date, its provider joined the summer
 * measure and offers that band, and the page's total stays within the residual. Issues are keyed by the
 * field's dotted path (`pes.2.amount`), the overdraw on the PES that takes the total over.
 */
export function checkSummerRows(
  rows: readonly SummerRow[],
  ctx: {
    children: readonly SummerChild[];
    providers: readonly SummerProvider[];
    startDate: string;
    residualCents: number;
  },
): { issues: Record<string, SummerIssue>; leftCents: Cents; overdraw: boolean } {
  const issues: Record<string, SummerIssue> = {};
  rows.forEach((r, i) => {
    const child = ctx.children.find((c) => c.id === r.childId);
    if (!child) {
      issues[`pes.${i}.childId`] = { key: 'summer_childNotOnVoucher' };
      return;
    }
    const fits = bandsForChild(child.birthDate, child.disability, ctx.startDate);
    if (!fits.includes(r.band)) {
      issues[`pes.${i}.band`] = fits.length
        ? { key: 'summer_bandNotForAge', values: { band: r.band, child: child.givenName, fits: [...fits] } }
        : { key: 'summer_noBandForAge', values: { child: child.givenName } };
    }
    const provider = ctx.providers.find((p) => p.id === r.providerId);
    if (!provider) issues[`pes.${i}.providerId`] = { key: 'summer_providerNotJoined' };
    else if (!provider.bands.includes(r.band))
      issues[`pes.${i}.providerId`] = {
        key: 'summer_providerNoBand',
        values: { provider: provider.name, band: r.band },
      };
  });
  const { leftCents, overdrawIndex } = runningResidual(
    ctx.residualCents,
    rows.map((r) => r.amountCents),
  );
  if (overdrawIndex !== null) {
    const before = runningResidual(
      ctx.residualCents,
      rows.slice(0, overdrawIndex).map((r) => r.amountCents),
    ).leftCents;
    issues[`pes.${overdrawIndex}.amount`] =
      before > 0 ? { key: 'summer_overdrawMax', values: { maxCents: before } } : { key: 'summer_overdrawNone' };
  }
  return { issues, leftCents, overdraw: overdrawIndex !== null };
}
