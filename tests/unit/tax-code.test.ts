import { describe, expect, it } from 'vitest';
import { formatPercent, parsePercent } from '@/lib/domain/percent';
import { isValidOrganisationTaxCode, isValidPartitaIva } from '@/lib/domain/tax-code';

/** Makes a valid number from 10 digits by computing the check digit independently of the implementation. */
function withCheckDigit(ten: string): string {
  for (let c = 0; c <= 9; c++) {
    const candidate = ten + c;
    const sum = [...candidate].reduce((s, ch, i) => {
      const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
      return s + Math.floor(d / 10) + (d % 10);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

describe('partita IVA', () => {
  it.each(['0033746022', '0123458022', '1234567890', '0000000000'])(
    'accepts %s with its check digit and refuses every other last digit',
    (ten) => {
      const valid = withCheckDigit(ten);
      expect(isValidPartitaIva(valid)).toBe(true);
      for (let c = 0; c <= 9; c++) if (ten + c !== valid) expect(isValidPartitaIva(ten + c)).toBe(false);
    },
  );
  it.each(['', '123', '0033746022X', '003374602241', 'ABCDEFGHILM'])('refuses the malformed %j', (s) => {
    expect(isValidPartitaIva(s)).toBe(false);
  });
  it('accepts an organisation code written with IT prefix or spaces, and a personal codice fiscale', () => {
    const piva = withCheckDigit('0033746022');
    expect(isValidOrganisationTaxCode(`IT ${piva.slice(0, 5)} ${piva.slice(5)}`)).toBe(true);
    expect(isValidOrganisationTaxCode('RSSNNA85M41L378F')).toBe(true);
    expect(isValidOrganisationTaxCode('RSSNNA85M41L378X')).toBe(false);
  });
});

describe('percent', () => {
  it.each([
    ['10', 1000],
    ['10,5', 1050],
    ['12.25', 1225],
    ['0', 0],
    ['100', 10_000],
    [' 7 % ', 700],
  ])('%j → %i basis points', (input, bp) => {
    expect(parsePercent(input)).toEqual({ ok: true, basisPoints: bp });
  });
  it.each(['', '-1', '100,01', '101', '10,123', 'dieci', '1e2'])('refuses %j', (input) => {
    expect(parsePercent(input).ok).toBe(false);
  });
  it('formats basis points the Italian way', () => {
    expect(formatPercent(1050)).toBe('10,5 %');
    expect(formatPercent(1000)).toBe('10 %');
  });
});
