import { describe, it, expect } from 'vitest';
import { formatEuro, formatEuroPlain, parseEuro, sumCents, toCents } from '@/lib/domain/money';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('toCents', () => {
  it.each([0, 1, 328245, -5, Number.MAX_SAFE_INTEGER])('accepts the safe integer %s', (n) => {
    expect(toCents(n)).toBe(n);
  });
  it.each([0.1, 1.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (n) => {
    expect(() => toCents(n)).toThrow(RangeError);
  });
});

describe('parseEuro accepts Italian and plain amounts', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['500,00', 50000],
    ['500', 50000],
    ['500,5', 50050],
    ['500.00', 50000],
    ['1234.5', 123450],
    ['12.34', 1234],
    ['1.234', 123400],
    ['1.234.567,89', 123456789],
    ['0', 0],
    ['0,01', 1],
    ['  42,10  ', 4210],
    ['€ 42,10', 4210],
    ['€42', 4200],
    ['42,10 €', 4210],
    ['42,10€', 4210],
    ['3.282,45\u00a0€', 328245],
    ['10.000.000,00', 1_000_000_000],
    ['00012,30', 1230],
  ])('%j → %i cents', (input, cents) => {
    expect(parseEuro(input)).toEqual({ ok: true, cents });
  });
});

describe('parseEuro refuses anything ambiguous or wrong, saying what to do', () => {
  it.each([
    ['', /Inserisci un importo in euro/],
    ['   ', /Inserisci un importo in euro/],
    ['€', /Inserisci un importo in euro/],
    ['-5', /negativo/],
    ['-1.234,56', /negativo/],
    ['−5', /negativo/],
    ['1,234', /due cifre decimali/],
    ['1.234,567', /due cifre decimali/],
    ['1.2345', /due cifre decimali/],
    ['abc', /virgola per i centesimi/],
    ['12a', /virgola per i centesimi/],
    ['1e3', /virgola per i centesimi/],
    ['1.23.4', /virgola per i centesimi/],
    ['12,34,5', /virgola per i centesimi/],
    ['1,234.56', /virgola per i centesimi/],
    ['1 234,56', /virgola per i centesimi/],
    [',50', /virgola per i centesimi/],
    ['50,', /virgola per i centesimi/],
    ['1.', /virgola per i centesimi/],
    ['€ 5 €', /virgola per i centesimi/],
    ['10.000.000,01', /superare 10\.000\.000,00/],
    ['100000000', /superare/],
    ['99999999999999999999999', /superare/],
  ])('%j', (input, message) => {
    const r = parseEuro(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('formatEuro', () => {
  it.each([
    [328245, '3.282,45 €'],
    [123456, '1.234,56 €'],
    [100000, '1.000,00 €'],
    [50000, '500,00 €'],
    [5, '0,05 €'],
    [0, '0,00 €'],
    [123456789, '1.234.567,89 €'],
  ])('%i → %s', (cents, text) => {
    expect(spaces(formatEuro(cents))).toBe(text);
  });
  it('refuses fractional cents rather than hiding a float bug', () => {
    expect(() => formatEuro(0.5)).toThrow(RangeError);
  });
  it.each([
    [328245, '3.282,45'],
    [50050, '500,50'],
    [0, '0,00'],
  ])('plain %i → %s', (cents, text) => {
    expect(formatEuroPlain(cents)).toBe(text);
  });
});

describe('round trip', () => {
  it('1.234,56 ⇄ 123456', () => {
    expect(parseEuro('1.234,56')).toEqual({ ok: true, cents: 123456 });
    expect(formatEuroPlain(123456)).toBe('1.234,56');
  });
  it.each([0, 1, 99, 100, 123456, 328245, 999_999_999, 1_000_000_000])(
    'parseEuro(formatEuro(%i)) and parseEuro(formatEuroPlain(%i)) give it back',
    (cents) => {
      expect(parseEuro(formatEuro(cents))).toEqual({ ok: true, cents });
      expect(parseEuro(formatEuroPlain(cents))).toEqual({ ok: true, cents });
    },
  );
});

describe('sumCents', () => {
  it('adds 0,10 € a thousand times exactly', () => {
    expect(sumCents(Array<number>(1000).fill(10))).toBe(10000);
  });
  it('is 0 for no values', () => {
    expect(sumCents([])).toBe(0);
  });
  it('refuses a non-integer addend', () => {
    expect(() => sumCents([100, 0.1])).toThrow(RangeError);
  });
});
