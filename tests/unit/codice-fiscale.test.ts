import { describe, it, expect } from 'vitest';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';

describe('normalizeCodiceFiscale', () => {
  it.each([
    ['RSSNNA85M41L378F', 'RSSNNA85M41L378F'],
    ['  rssnna85m41l378f ', 'RSSNNA85M41L378F'],
    ['RSS NNA 85M41 L378F', 'RSSNNA85M41L378F'],
    ['rss\tnna85m41l378f\n', 'RSSNNA85M41L378F'],
  ])('%j → %s', (input, out) => {
    expect(normalizeCodiceFiscale(input)).toBe(out);
  });
});

describe('isValidCodiceFiscale', () => {
  it.each([
    'RSSNNA85M41L378F',
    'FRRLCU75B10L378M',
    'GLLPLA78H05L378S',
    'MRNFNC79D14L378N',
    'CNTCHR80T52L378Z',
    'BNCGLI90C55L378U',
    'VRDMRT82S60L378B',
    'rssnna85m41l378f',
    ' RSS NNA 85M41 L378F ',
  ])('accepts the demo code %j', (cf) => {
    expect(isValidCodiceFiscale(cf)).toBe(true);
  });

  it.each([
    ['wrong check character', 'RSSNNA85M41L378X'],
    ['another wrong check character', 'FRRLCU75B10L378N'],
    ['too short', 'RSSNNA85M41L378'],
    ['too long', 'RSSNNA85M41L378FF'],
    ['empty', ''],
    ['punctuation', 'RSSNNA85M41L378-'],
    ['digits where letters belong', '12345678901234567'.slice(0, 16)],
    ['accented letter', 'RSSNNÀ85M41L378F'],
    ['a VAT number, not a personal code', '01234567890'],
  ])('refuses %s (%j)', (_why, cf) => {
    expect(isValidCodiceFiscale(cf)).toBe(false);
  });
});
