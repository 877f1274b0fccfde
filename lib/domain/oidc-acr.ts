/** SPID's authentication levels, lowest first; CIE's gateways assert the same URIs. */
const SPID_LEVELS = [
  'https://www.spid.gov.it/SpidL1',
  'https://www.spid.gov.it/SpidL2',
  'https://www.spid.gov.it/SpidL3',
] as const;

/**
 * Whether the ID token's `acr` is at least one of the levels asked for (`acr_values` is a space-separated list of
 * acceptable levels, the lowest of them being the floor). A missing or unknown `acr` never passes: a gateway that
 * does not say how the person authenticated has not proved the level.
 */
export function acrMeetsLevel(acr: unknown, acrValues: string): boolean {
  if (typeof acr !== 'string' || !acr) return false;
  const asked = acrValues.split(/\s+/).filter(Boolean);
  if (!asked.length) return true;
  if (asked.includes(acr)) return true;
  const rank = (v: string) => SPID_LEVELS.indexOf(v as (typeof SPID_LEVELS)[number]);
  const got = rank(acr);
  const floor = Math.min(...asked.map(rank).filter((r) => r >= 0));
  return got >= 0 && Number.isFinite(floor) && got >= floor;
}
