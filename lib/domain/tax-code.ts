import { isValidCodiceFiscale, normalizeCodiceFiscale } from './codice-fiscale';

/**
 * Partita IVA: 11 digits, the last a Luhn-style check digit (odd positions as they are, even positions
 * doubled with 9 subtracted above 9; the total is a multiple of 10).
 */
export function isValidPartitaIva(input: string): boolean {
  if (!/^\d{11}$/.test(input)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    let d = Number(input[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function normalizeTaxCode(input: string): string {
  return normalizeCodiceFiscale(input.replace(/^IT/i, ''));
}

/** An organisation's codice fiscale is its 11-digit number (often its partita IVA); a sole trader's is a personal one. */
export function isValidOrganisationTaxCode(input: string): boolean {
  const code = normalizeTaxCode(input);
  return isValidPartitaIva(code) || isValidCodiceFiscale(code);
}
