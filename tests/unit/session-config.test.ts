import { beforeAll, describe, expect, it } from 'vitest';
import {
  ABSOLUTE_SECONDS,
  fromHandoff,
  handoffValue,
  IDLE_SECONDS,
  refreshedToken,
  REFRESH_AFTER_SECONDS,
  sessionCookieName,
  verifySessionToken,
} from '@/lib/auth/session-config';
import { encodeSessionToken } from '@/lib/auth/session-token';

beforeAll(() => {
  process.env.AUTH_SECRET = 'unit-test-secret-0123456789abcdef0123456789';
});

const claims = { uid: 'u1', role: 'family', pid: null, sv: 2, name: 'Anna Rossi' };
const issue = (at: number, authTime = at) =>
  encodeSessionToken({ ...claims, authTime }, process.env.AUTH_SECRET!, sessionCookieName(), IDLE_SECONDS, at);

describe('session cookie checks without the database', () => {
  const t0 = 1_800_000_000;
  it('accepts a fresh token and refuses it after the idle timeout', () => {
    expect(verifySessionToken(issue(t0), t0 + 10)).toMatchObject({ uid: 'u1', sv: 2 });
    expect(verifySessionToken(issue(t0), t0 + IDLE_SECONDS + 60)).toBeNull();
  });

  it('refuses a token past the absolute timeout, however recently it was refreshed', () => {
    const signedIn = t0 - ABSOLUTE_SECONDS - 10;
    expect(verifySessionToken(issue(t0, signedIn), t0 + 5)).toBeNull();
  });

  it('re-issues the cookie at most once a minute, keeping the sign-in time', () => {
    const v = verifySessionToken(issue(t0), t0 + 5)!;
    expect(refreshedToken(v, t0 + 5)).toBeNull();
    const fresh = refreshedToken(v, t0 + REFRESH_AFTER_SECONDS);
    expect(fresh).toBeTruthy();
    const again = verifySessionToken(fresh!, t0 + IDLE_SECONDS + 30)!;
    expect(again).toMatchObject({ uid: 'u1', authTime: t0, iat: t0 + REFRESH_AFTER_SECONDS });
  });

  it('trusts a hand-off from proxy.ts only with this process tag', () => {
    const v = verifySessionToken(issue(t0), t0 + 5)!;
    expect(fromHandoff(handoffValue(v))).toMatchObject({ uid: 'u1' });
    expect(fromHandoff(handoffValue(null))).toBeNull();
    const forged = `${Buffer.alloc(24).toString('base64url')}.${Buffer.from(JSON.stringify({ ...v, uid: 'someone-else' })).toString('base64url')}`;
    expect(fromHandoff(forged)).toBeUndefined();
    expect(fromHandoff(null)).toBeUndefined();
    expect(fromHandoff('garbage')).toBeUndefined();
  });
});
