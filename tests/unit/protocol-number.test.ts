import { describe, expect, it } from 'vitest';
import { formatProtocolNumber, parseProtocolNumber, protocolYear } from '@/lib/domain/protocol-number';

describe('protocol numbers MPES-<year>-<6 digits>', () => {
  it.each([
    [2026, 1, 'MPES-2026-000001'],
    [2026, 42, 'MPES-2026-000042'],
    [2020, 999_999, 'MPES-2020-999999'],
  ])('%i/%i → %s', (year, n, expected) => {
    expect(formatProtocolNumber(year, n)).toBe(expected);
    expect(parseProtocolNumber(expected)).toEqual({ year, n });
  });

  it.each([
    [2026, 0],
    [2026, 1_000_000],
    [2026, 1.5],
    [99, 1],
  ])('refuses year %i number %s', (year, n) => {
    expect(() => formatProtocolNumber(year, n)).toThrow(RangeError);
  });

  it.each(['MPES-2026-1', 'mpes-2026-000001', 'MPES-2026-0000001', 'XMPES-2026-000001'])('does not parse %s', (s) => {
    expect(parseProtocolNumber(s)).toBeNull();
  });

  it('counts the year in Europe/Rome', () => {
    expect(protocolYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(protocolYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
  });
});
