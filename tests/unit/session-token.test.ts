import { decode, encode } from '@auth/core/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionToken, encodeSessionToken } from '@/lib/auth/session-token';

const secret = 'a-test-secret-of-enough-length-0123456789';
const salt = 'authjs.session-token';

describe('session token (Auth.js format)', () => {
  it('reads a token Auth.js wrote', async () => {
    const token = await encode({ token: { uid: 'u1', role: 'family', sv: 3 }, secret, salt, maxAge: 1800 });
    expect(decodeSessionToken(token, secret, salt)).toMatchObject({ uid: 'u1', role: 'family', sv: 3 });
  });

  it('writes a token Auth.js reads, with the expiry it was given', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = encodeSessionToken({ uid: 'u2', role: 'office', sv: 1 }, secret, salt, 1800, now);
    const claims = await decode({ token, secret, salt });
    expect(claims).toMatchObject({ uid: 'u2', role: 'office', sv: 1, iat: now, exp: now + 1800 });
  });

  it('refuses a tampered token, another secret, another cookie name and an expired token', () => {
    const now = Math.floor(Date.now() / 1000);
    const token = encodeSessionToken({ uid: 'u3' }, secret, salt, 1800, now);
    const parts = token.split('.');
    const ct = Buffer.from(parts[3]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[3] = ct.toString('base64url');
    expect(decodeSessionToken(parts.join('.'), secret, salt, now)).toBeNull();
    expect(decodeSessionToken(token, `${secret}x`, salt, now)).toBeNull();
    expect(decodeSessionToken(token, secret, `__Secure-${salt}`, now)).toBeNull();
    expect(decodeSessionToken(token, secret, salt, now + 1800 + 16)).toBeNull();
    expect(decodeSessionToken('garbage', secret, salt, now)).toBeNull();
    expect(decodeSessionToken(token, secret, salt, now + 1000)).toMatchObject({ uid: 'u3' });
  });
});
