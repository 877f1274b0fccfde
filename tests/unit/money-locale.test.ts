import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyPlain, parseMoneyInput } from '@/lib/domain/money';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney in the reader’s language', () => {
  it.each([
    [328245, 'it', '3.282,45 €'],
    [328245, 'en', '€3,282.45'],
    [5, 'it', '0,05 €'],
    [5, 'en', '€0.05'],
    [100000000, 'en', '€1,000,000.00'],
    [123400, 'it', '1.234,00 €'],
  ] as const)('%i cents in %s → %s', (cents, locale, text) => {
    expect(spaces(formatMoney(cents, locale))).toBe(text);
  });
  it.each([
    [328245, 'it', '3.282,45'],
    [328245, 'en', '3,282.45'],
  ] as const)('plain %i in %s → %s, which reads back', (cents, locale, text) => {
    expect(formatMoneyPlain(cents, locale)).toBe(text);
    expect(parseMoneyInput(text, locale)).toEqual({ ok: true, cents });
  });
});

describe('parseMoneyInput accepts what a person of that locale types', () => {
  it.each([
    ['1,032.45', 'en', 103245],
    ['1032.45', 'en', 103245],
    ['1032,45', 'en', 103245],
    ['1,234,567.89', 'en', 123456789],
    ['1,234,567', 'en', 123456700],
    ['€3,282.45', 'en', 328245],
    ['1032', 'en', 103200],
    ['0.5', 'en', 50],
    ['1.032,45', 'it', 103245],
    ['1032,45', 'it', 103245],
    ['1032.45', 'it', 103245],
    ['1.234.567', 'it', 123456700],
    ['3.282,45\u00a0€', 'it', 328245],
    ['12,5', 'it', 1250],
    ['0', 'it', 0],
    ['10.000.000,00', 'it', 1_000_000_000],
  ] as const)('%j (%s) → %i cents', (input, locale, cents) => {
    expect(parseMoneyInput(input, locale)).toEqual({ ok: true, cents });
  });
});

describe('parseMoneyInput refuses, with a reason', () => {
  it.each([
    ['1.032', 'it', 'ambiguous'],
    ['1,032', 'it', 'ambiguous'],
    ['1.032', 'en', 'ambiguous'],
    ['1,032', 'en', 'ambiguous'],
    ['999.000', 'en', 'ambiguous'],
    ['', 'en', 'empty'],
    ['  € ', 'it', 'empty'],
    ['-5', 'en', 'negative'],
    ['−5,00', 'it', 'negative'],
    ['1.032,45', 'en', 'format'],
    ['1,032.45', 'it', 'format'],
    ['1,03,2', 'en', 'format'],
    ['12a', 'en', 'format'],
    ['1032.456', 'en', 'decimals'],
    ['1.032,456', 'it', 'decimals'],
    ['5,1234', 'it', 'decimals'],
    ['100,000,000.01', 'en', 'too_large'],
    ['123456789', 'it', 'too_large'],
    ['9'.repeat(65), 'it', 'format'],
  ] as const)('%j (%s) → %s', (input, locale, error) => {
    expect(parseMoneyInput(input, locale)).toEqual({ ok: false, error });
  });
});
