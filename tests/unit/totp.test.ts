import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staffMfaRequired } from '@/lib/auth/totp/mfa-policy';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCode,
  normalizeRecoveryCode,
} from '@/lib/auth/totp/recovery-codes';
import { openSecret, sealSecret } from '@/lib/auth/totp/secret-box';
import { checkTotp, newTotpSecret, totpCodeAt, totpStep } from '@/lib/auth/totp/totp-code';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below) gives 287082 at T = 59 s (8 digits 94287082).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = 1_700_000_015; // middle of a step

describe('TOTP codes', () => {
  it('matches the RFC 6238 test vector', () => {
    expect(totpCodeAt(RFC_SECRET, 59)).toBe('287082');
  });

  it.each([
    ['the current step', 0, true],
    ['the step before', -30, true],
    ['the step after', 30, true],
    ['two steps before', -60, false],
    ['two steps after', 60, false],
  ])('%s is %s', (_name, offset, accepted) => {
    const secret = newTotpSecret();
    const r = checkTotp(secret, totpCodeAt(secret, T + offset), T, null);
    expect(r.ok).toBe(accepted);
    if (r.ok) expect(r.step).toBe(totpStep(T + offset));
  });

  it('refuses a code whose step is not after the last one used (replay)', () => {
    const secret = newTotpSecret();
    const code = totpCodeAt(secret, T);
    expect(checkTotp(secret, code, T, totpStep(T))).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(secret, totpCodeAt(secret, T - 30), T, totpStep(T))).toEqual({ ok: false, reason: 'replayed' });
    expect(checkTotp(secret, code, T, totpStep(T) - 1)).toMatchObject({ ok: true });
  });

  it.each(['12345', '1234567', 'abcdef', '', '12 34 5x'])('calls %j malformed', (input) => {
    expect(checkTotp(newTotpSecret(), input, T, null)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('tolerates spaces and dashes as typed from the app', () => {
    const secret = newTotpSecret();
    const code = totpCodeAt(secret, T);
    expect(checkTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, T, null).ok).toBe(true);
  });
});

describe('recovery codes', () => {
  it('are 24 unambiguous characters in groups of 4, all different', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^([2-9A-HJKMNP-Z]{4}-){5}[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('hash the same whatever the case, spaces or dashes', () => {
    const c = newRecoveryCode();
    const loose = c.toLowerCase().replaceAll('-', ' ');
    expect(looksLikeRecoveryCode(loose)).toBe(true);
    expect(normalizeRecoveryCode(loose)).toBe(c.replaceAll('-', ''));
    expect(hashRecoveryCode(loose)).toBe(hashRecoveryCode(c));
    expect(hashRecoveryCode(c)).not.toContain(c.replaceAll('-', ''));
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});

describe('when staff need the second factor', () => {
  it.each([
    [{ NODE_ENV: 'production' }, true],
    [{ NODE_ENV: 'production', STAFF_MFA: 'optional' }, false],
    [{ NODE_ENV: 'development' }, false],
    [{ NODE_ENV: 'development', STAFF_MFA: 'required' }, true],
    [{ NODE_ENV: 'test' }, false],
  ])('%j → %s', (env, required) => {
    expect(staffMfaRequired(env)).toBe(required);
  });
});

describe('secret encryption at rest', () => {
  const saved = process.env.MFA_ENCRYPTION_KEY;
  beforeEach(() => {
    process.env.MFA_ENCRYPTION_KEY = 'a'.repeat(64);
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.MFA_ENCRYPTION_KEY;
    else process.env.MFA_ENCRYPTION_KEY = saved;
  });

  it('round-trips, never stores the plain secret, and differs each time', () => {
    const secret = newTotpSecret();
    const a = sealSecret(secret, 'user-1');
    expect(a).not.toContain(secret);
    expect(sealSecret(secret, 'user-1')).not.toBe(a);
    expect(openSecret(a, 'user-1')).toBe(secret);
  });

  it('does not open for another user, with another key, or once tampered with', () => {
    const sealed = sealSecret(newTotpSecret(), 'user-1');
    expect(() => openSecret(sealed, 'user-2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => openSecret([parts[0], parts[1], body.toString('base64url'), parts[3]].join('.'), 'user-1')).toThrow();
    process.env.MFA_ENCRYPTION_KEY = 'b'.repeat(64);
    expect(() => openSecret(sealed, 'user-1')).toThrow();
  });

  it('refuses a malformed dedicated key', () => {
    process.env.MFA_ENCRYPTION_KEY = 'short';
    expect(() => sealSecret('X', 'user-1')).toThrow(/64 hexadecimal/);
  });
});
