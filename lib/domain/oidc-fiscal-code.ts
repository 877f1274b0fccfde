import { isValidCodiceFiscale } from './codice-fiscale';

/** Where SPID/CIE gateways put the fiscal code, in the order tried when OIDC_FISCAL_CODE_CLAIM is unset. */
export const DEFAULT_FISCAL_CODE_CLAIMS = [
  'https://attributes.eid.gov.it/fiscal_number',
  'fiscal_number',
  'fiscalNumber',
] as const;

export type FiscalCodeResult = { ok: true; codiceFiscale: string } | { ok: false; reason: 'missing' | 'malformed' };

/**
 * The codice fiscale the identity provider asserts: the configured claim, else the first default one present.
 * SPID sends it as `TINIT-<codice fiscale>` (an ETSI natural-person identifier); the prefix is not part of it.
 */
export function fiscalCodeFromClaims(
  claims: Readonly<Record<string, unknown>>,
  claimName?: string | null,
): FiscalCodeResult {
  const names = claimName ? [claimName] : DEFAULT_FISCAL_CODE_CLAIMS;
  const name = names.find((n) => claims[n] !== undefined && claims[n] !== null && claims[n] !== '');
  if (!name) return { ok: false, reason: 'missing' };
  const raw = claims[name];
  if (typeof raw !== 'string' || raw.length > 64) return { ok: false, reason: 'malformed' };
  const cf = raw
    .trim()
    .replace(/^TINIT-/i, '')
    .toUpperCase();
  return isValidCodiceFiscale(cf) && /^[A-Z0-9]{16}$/.test(cf)
    ? { ok: true, codiceFiscale: cf }
    : { ok: false, reason: 'malformed' };
}
