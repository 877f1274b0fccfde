import { and, eq, gte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, loginAttempts, passwordResetTokens, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionStillValid } from '@/lib/auth/session-check';
import { newResetToken } from '@/lib/auth/reset-token';
import { THROTTLE } from '@/lib/auth/throttle';
import { resetPassword } from '@/lib/services/account/reset-password';
import { CF, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

// Counts Argon2 verifications, to show that throttled attempts never reach the password check.
const verifications = vi.hoisted(() => ({ n: 0 }));
vi.mock('@/lib/auth/password-hash', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/password-hash')>();
  return {
    ...real,
    verifyPassword: async (h: string, p: string) => {
      verifications.n++;
      return real.verifyPassword(h, p);
    },
  };
});

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
});
afterAll(() => t.close());

const at = (iso: string) => new Date(iso);

describe('sign-in', () => {
  it('accepts the right codice fiscale and password, in any case and spacing, and writes an audit event', async () => {
    const r = await authenticate(
      t.db,
      { codiceFiscale: ' rssnna85m41l378f ', password: DEMO_PASSWORD, ip: '10.0.0.1' },
      at('2026-11-26T08:00:00Z'),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.user.role).toBe('family');
    expect(r.user.name).toBe('Anna Rossi');
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login_succeeded'), eq(auditEvents.entityId, r.user.id)));
    expect(events).toHaveLength(1);
  });

  it('answers the same for a wrong password and an unknown account, and audits the failure without the password', async () => {
    const wrong = await authenticate(
      t.db,
      { codiceFiscale: CF.giulia, password: 'not-the-password-at-all', ip: '10.0.0.2' },
      at('2026-11-26T08:00:00Z'),
    );
    const unknown = await authenticate(
      t.db,
      { codiceFiscale: 'ZZZZZZ80A01L378X', password: DEMO_PASSWORD, ip: '10.0.0.2' },
      at('2026-11-26T08:00:00Z'),
    );
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
    const failures = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(failures)).not.toContain('not-the-password-at-all');
  });

  it('refuses a deactivated account even with the right password', async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.codiceFiscale, CF.prv3));
    const r = await authenticate(t.db, { codiceFiscale: CF.prv3, password: DEMO_PASSWORD, ip: '10.0.0.3' });
    expect(r).toEqual({ ok: false, reason: 'invalid' });
    await t.db.update(users).set({ active: true }).where(eq(users.codiceFiscale, CF.prv3));
  });
});

describe('throttling', () => {
  it('blocks an address after 5 failures on one account, while the owner signs in from another address (no targeted lock-out)', async () => {
    const start = at('2026-11-26T09:00:00Z');
    const tick = (s: number) => new Date(start.getTime() + s * 1000);
    for (let i = 0; i < THROTTLE.perPair; i++) {
      const r = await authenticate(
        t.db,
        { codiceFiscale: CF.prv1, password: `wrong-password-${i}-xxxx`, ip: '10.1.0.1' },
        tick(i),
      );
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
    const fromA = await authenticate(
      t.db,
      { codiceFiscale: CF.prv1, password: DEMO_PASSWORD, ip: '10.1.0.1' },
      tick(6),
    );
    expect(fromA).toMatchObject({ ok: false, reason: 'throttled' });
    if (!fromA.ok && fromA.reason === 'throttled')
      expect(fromA.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
    const fromB = await authenticate(
      t.db,
      { codiceFiscale: CF.prv1, password: DEMO_PASSWORD, ip: '10.1.0.2' },
      tick(7),
    );
    expect(fromB.ok).toBe(true);
    const laterFromA = await authenticate(
      t.db,
      { codiceFiscale: CF.prv1, password: DEMO_PASSWORD, ip: '10.1.0.1' },
      new Date(start.getTime() + THROTTLE.windowMs + 5_000),
    );
    expect(laterFromA.ok).toBe(true);
  });

  it('delays, rather than blocks, an account attacked from many addresses', async () => {
    const start = at('2026-11-26T09:30:00Z');
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await authenticate(
        t.db,
        { codiceFiscale: CF.marta, password: `wrong-password-${i}-xxxx`, ip: `10.2.0.${i}` },
        new Date(start.getTime() + i * 1000),
      );
    }
    const soon = await authenticate(
      t.db,
      { codiceFiscale: CF.marta, password: DEMO_PASSWORD, ip: '10.2.1.1' },
      new Date(start.getTime() + 5_000),
    );
    expect(soon).toMatchObject({ ok: false, reason: 'throttled' });
    if (!soon.ok && soon.reason === 'throttled')
      expect(soon.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.accountDelayMs / 1000);
    const afterDelay = await authenticate(
      t.db,
      { codiceFiscale: CF.marta, password: DEMO_PASSWORD, ip: '10.2.1.1' },
      new Date(start.getTime() + 4_000 + THROTTLE.accountDelayMs + 1_000),
    );
    expect(afterDelay.ok).toBe(true);
  });

  it('lets at most 5 of 30 concurrent wrong passwords for one account be recorded and verified', async () => {
    const now = at('2026-11-26T11:00:00Z');
    verifications.n = 0;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authenticate(
          t.db,
          { codiceFiscale: CF.giulia, password: `concurrent-wrong-${i}-xx`, ip: `10.3.0.${i % 2}` },
          now,
        ),
      ),
    );
    const recorded = await t.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.accountKey, CF.giulia), gte(loginAttempts.at, now)));
    expect(recorded.length).toBeLessThanOrEqual(5);
    expect(verifications.n).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(25);
  });

  it('lifts the lock when the owner resets the password', async () => {
    const start = at('2026-11-26T12:00:00Z');
    for (let i = 0; i < THROTTLE.perPair; i++) {
      await authenticate(
        t.db,
        { codiceFiscale: CF.prv3, password: `wrong-password-${i}-xxxx`, ip: '10.4.0.1' },
        new Date(start.getTime() + i * 1000),
      );
    }
    expect(
      await authenticate(
        t.db,
        { codiceFiscale: CF.prv3, password: DEMO_PASSWORD, ip: '10.4.0.1' },
        new Date(start.getTime() + 10_000),
      ),
    ).toMatchObject({ reason: 'throttled' });
    const [u] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv3));
    const { token, hash } = newResetToken();
    await t.db
      .insert(passwordResetTokens)
      .values({ userId: u!.id, tokenHash: hash, expiresAt: new Date(start.getTime() + 3_600_000), createdAt: start });
    const newPassword = 'mirtillo ghiacciaio lanterna 77';
    await resetPassword(t.db, { token, password: newPassword, ip: '10.4.0.1' }, new Date(start.getTime() + 20_000));
    const r = await authenticate(
      t.db,
      { codiceFiscale: CF.prv3, password: newPassword, ip: '10.4.0.1' },
      new Date(start.getTime() + 30_000),
    );
    expect(r.ok).toBe(true);
  });

  it('throttles one client address that sprays many accounts', async () => {
    const start = at('2026-11-26T10:00:00Z');
    const ip = '203.0.113.9';
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await authenticate(
        t.db,
        { codiceFiscale: `ZZZZZZ80A01L${String(i).padStart(3, '0')}X`, password: 'whatever-password-1', ip },
        new Date(start.getTime() + i),
      );
    }
    const r = await authenticate(
      t.db,
      { codiceFiscale: CF.office, password: DEMO_PASSWORD, ip },
      new Date(start.getTime() + 1_000),
    );
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    const other = await authenticate(
      t.db,
      { codiceFiscale: CF.office, password: DEMO_PASSWORD, ip: '198.51.100.1' },
      new Date(start.getTime() + 1_000),
    );
    expect(other.ok).toBe(true);
  });
});

describe('session version', () => {
  it('invalidates tokens carrying an old version, a changed role or a deactivated user', async () => {
    const [u] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.giulia));
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion)).toBe(true);
    expect(await sessionStillValid(t.db, u!.id, 'office', u!.sessionVersion)).toBe(false);
    await t.db
      .update(users)
      .set({ sessionVersion: u!.sessionVersion + 1 })
      .where(eq(users.id, u!.id));
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion)).toBe(false);
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion + 1)).toBe(true);
    await t.db.update(users).set({ active: false }).where(eq(users.id, u!.id));
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion + 1)).toBe(false);
  });

  it('invalidates a provider token when the user is moved to another provider', async () => {
    const [staff] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv2));
    const [other] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv1));
    expect(await sessionStillValid(t.db, staff!.id, 'provider', staff!.sessionVersion, staff!.providerId)).toBe(true);
    await t.db.update(users).set({ providerId: other!.providerId }).where(eq(users.id, staff!.id));
    expect(await sessionStillValid(t.db, staff!.id, 'provider', staff!.sessionVersion, staff!.providerId)).toBe(false);
    await t.db.update(users).set({ providerId: staff!.providerId }).where(eq(users.id, staff!.id));
  });
});
