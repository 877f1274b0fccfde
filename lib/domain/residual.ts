import { sumCents, toCents, type Cents } from './money';

export type PesForResidual = {
  kind: 'standard' | 'babysitting_covid' | 'summer_covid';
  status: string;
  amountCents: number;
  usedCents: number | null;
};

/** New PES in these states no longer hold money: it is back in the residual (cancelled: the office rejected the conversion). */
const RELEASED_STATUSES: ReadonlySet<string> = new Set(['rejected', 'deleted', 'cancelled']);

/**
 * Money freed by the voucher's closed standard PES. Only a closed PES frees money
 * (the provider has declared the amount used); a closed PES without that amount or
 * used beyond its charge frees nothing rather than taking money from the others.
 */
export function freedCents(pes: readonly PesForResidual[]): Cents {
  return sumCents(
    pes
      .filter((p) => p.kind === 'standard' && p.status === 'closed' && p.usedCents !== null)
      .map((p) => Math.max(0, toCents(p.amountCents) - toCents(p.usedCents ?? 0))),
  );
}

/** Money already allocated to the new COVID PES, whatever their validation state. */
export function committedCents(pes: readonly PesForResidual[]): Cents {
  return sumCents(
    pes.filter((p) => p.kind !== 'standard' && !RELEASED_STATUSES.has(p.status)).map((p) => p.amountCents),
  );
}

/**
 * freed − committed, returned raw: a negative value means an invariant was broken
 * upstream, and callers must see it rather than a silently clamped zero.
 */
export function residualCents(pes: readonly PesForResidual[]): Cents {
  return toCents(freedCents(pes) - committedCents(pes));
}

/**
 * The residual if a further `extraCents` were allocated; a new PES may be saved
 * only when this is ≥ 0. To re-check an edited PES, leave it out of `pes`.
 */
export function residualAfter(pes: readonly PesForResidual[], extraCents: number): Cents {
  return toCents(residualCents(pes) - toCents(extraCents));
}
