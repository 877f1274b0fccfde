import { afterEach, describe, expect, it } from 'vitest';
import { advanceTestClock, now, setTestNow } from '@/lib/clock';

describe('clock', () => {
  afterEach(() => setTestNow(null));

  it('reads the system clock unless a test fixes it', () => {
    const before = Date.now();
    const t = now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    setTestNow('2026-06-26T08:00:00Z');
    expect(now().toISOString()).toBe('2026-06-26T08:00:00.000Z');
  });

  it('moves a fixed clock forward without waiting', () => {
    setTestNow('2026-03-28T12:00:00Z');
    advanceTestClock(86_400_000);
    expect(now().toISOString()).toBe('2026-03-29T12:00:00.000Z');
  });

  it('hands out copies: a caller mutating its Date does not move the clock', () => {
    setTestNow('2026-01-01T00:00:00Z');
    now().setUTCFullYear(1999);
    expect(now().getUTCFullYear()).toBe(2026);
  });

  it('cannot be moved outside tests', () => {
    const env = process.env.NODE_ENV;
    try {
      (process.env as Record<string, string>).NODE_ENV = 'production';
      expect(() => setTestNow('2020-01-01T00:00:00Z')).toThrow(/only in tests/);
      expect(() => advanceTestClock(1)).toThrow(/only in tests/);
    } finally {
      (process.env as Record<string, string>).NODE_ENV = env!;
    }
  });
});
