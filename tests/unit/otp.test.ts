import { describe, expect, it } from 'vitest';
import { isOtpExpired, maskMobile, normalizeOtpInput, otpExpiry, sendAllowance, waitAmount } from '@/lib/domain/otp';

describe('OTP input', () => {
  it.each([
    ['123456', { ok: true, code: '123456' }],
    [' 123 456 ', { ok: true, code: '123456' }],
    ['123-456', { ok: true, code: '123456' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['12345', { ok: false, reason: 'too_short' }],
    ['1234567', { ok: false, reason: 'too_long' }],
    ['12a456', { ok: false, reason: 'not_digits' }],
    ['１２３４５６', { ok: false, reason: 'not_digits' }],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeOtpInput(raw)).toEqual(expected);
  });
});

describe('masked mobile', () => {
  it.each([
    ['+393470000001', '+39 ••• ••• 0001'],
    ['+39 347 000 0002', '+39 ••• ••• 0002'],
    ['3470000003', '••• ••• 0003'],
  ])('%s → %s', (m, expected) => expect(maskMobile(m)).toBe(expected));
});

describe('expiry (O1: 180 s valid, 181 s refused)', () => {
  const sent = new Date('2026-11-26T10:00:00Z');
  it.each([
    [0, false],
    [180_000, false],
    [180_001, true],
    [181_000, true],
  ])('%i ms after sending → expired %s', (ms, expired) => {
    expect(isOtpExpired(otpExpiry(sent), new Date(sent.getTime() + ms))).toBe(expired);
  });
});

describe('send limits (O3)', () => {
  const now = new Date('2026-11-26T10:10:00Z');
  const ago = (s: number) => new Date(now.getTime() - s * 1000);
  it('allows the first send', () => expect(sendAllowance([], now)).toEqual({ allowed: true, sendsLeft: 5 }));
  it('asks to wait 30 s between sends', () => {
    expect(sendAllowance([ago(29)], now)).toEqual({
      allowed: false,
      reason: 'too_soon',
      retryAt: new Date(ago(29).getTime() + 30_000),
    });
    expect(sendAllowance([ago(30)], now)).toEqual({ allowed: true, sendsLeft: 4 });
  });
  it('allows at most 5 sends in 10 minutes', () => {
    const five = [ago(590), ago(400), ago(300), ago(200), ago(100)];
    expect(sendAllowance(five, now)).toEqual({
      allowed: false,
      reason: 'too_many',
      retryAt: new Date(ago(590).getTime() + 600_000),
    });
    expect(sendAllowance([ago(601), ...five.slice(1)], now)).toEqual({ allowed: true, sendsLeft: 1 });
  });
  it('says how long to wait', () => {
    expect(waitAmount(new Date(now.getTime() + 10_500), now)).toEqual({ unit: 'seconds', n: 11 });
    expect(waitAmount(new Date(now.getTime() + 1_000), now)).toEqual({ unit: 'seconds', n: 1 });
    expect(waitAmount(new Date(now.getTime() + 130_000), now)).toEqual({ unit: 'minutes', n: 3 });
  });
});
