import { describe, expect, it } from 'vitest';
import { parseEuro, parseMoneyInput } from '@/lib/domain/money';
import { moneyInputMessage } from '@/lib/i18n/money-message';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('moneyInputMessage', () => {
  // Italian stays as today: the same words parseEuro gives, for every refusal both know.
  it.each(['', '-5', '12a', '5,1234', '123456789'])('Italian for %j is the message the forms show today', (input) => {
    const before = parseEuro(input);
    const now = parseMoneyInput(input, 'it');
    expect(before.ok || now.ok).toBe(false);
    if (before.ok || now.ok) return;
    expect(spaces(moneyInputMessage(now.error, input, 'it'))).toBe(spaces(before.message));
  });

  it.each([
    [
      '1,032',
      'en',
      '“1,032” can be read in two ways: write the cents after a point (for example 1,032.45) or leave out the thousands separator.',
    ],
    [
      '1.032',
      'it',
      '«1.032» si può leggere in due modi: scrivi i centesimi dopo la virgola (ad esempio 1.032,45) o togli il separatore delle migliaia.',
    ],
    [
      '12a',
      'en',
      'Enter an amount in euro, for example 1,234.56: use a point before the cents and commas only between thousands.',
    ],
    ['999999999', 'en', 'The amount cannot be more than €10,000,000.00: check that you typed it correctly.'],
  ] as const)('%j in %s', (input, locale, message) => {
    const r = parseMoneyInput(input, locale);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(spaces(moneyInputMessage(r.error, input, locale))).toBe(message);
  });
});
