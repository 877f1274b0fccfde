import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionStillValid } from '@/lib/auth/session-check';
import { THROTTLE } from '@/lib/auth/throttle';
import { CF, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
});
afterAll(() => t.close());

const at = (iso: string) => new Date(iso);

describe('sign-in', () => {
  it('accepts the right codice fiscale and password, in any case and spacing, and writes an audit event', async () => {
    const r = await authenticate(t.db, { codiceFiscale: ' rssnna85m41l378f ', password: DEMO_PASSWORD, ip: '10.0.0.1' }, at('2026-11-26T08:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.user.role).toBe('family');
    expect(r.user.name).toBe('Anna Rossi');
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.login_succeeded'), eq(auditEvents.entityId, r.user.id)));
    expect(events).toHaveLength(1);
  });

  it('answers the same for a wrong password and an unknown account, and audits the failure without the password', async () => {
    const wrong = await authenticate(t.db, { codiceFiscale: CF.giulia, password: 'not-the-password-at-all', ip: '10.0.0.2' }, at('2026-11-26T08:00:00Z'));
    const unknown = await authenticate(t.db, { codiceFiscale: 'ZZZZZZ80A01L378X', password: DEMO_PASSWORD, ip: '10.0.0.2' }, at('2026-11-26T08:00:00Z'));
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
  it('locks the account after repeated failures, even for the right password, and lets the user in after the window', async () => {
    const start = at('2026-11-26T09:00:00Z');
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const r = await authenticate(t.db, { codiceFiscale: CF.marta, password: `wrong-password-${i}-xxxx`, ip: `10.1.0.${i}` }, new Date(start.getTime() + i * 1000));
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
    const locked = await authenticate(t.db, { codiceFiscale: CF.marta, password: DEMO_PASSWORD, ip: '10.1.1.1' }, new Date(start.getTime() + 60_000));
    expect(locked.ok).toBe(false);
    expect(locked).toMatchObject({ reason: 'throttled' });
    if (!locked.ok && locked.reason === 'throttled') expect(locked.retryAfterSeconds).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);

    const later = await authenticate(t.db, { codiceFiscale: CF.marta, password: DEMO_PASSWORD, ip: '10.1.1.1' }, new Date(start.getTime() + THROTTLE.windowMs + 5_000));
    expect(later.ok).toBe(true);
  });

  it('throttles one client address that sprays many accounts', async () => {
    const start = at('2026-11-26T10:00:00Z');
    const ip = '203.0.113.9';
    for (let i = 0; i < THROTTLE.perIp; i++) {
      await authenticate(t.db, { codiceFiscale: `ZZZZZZ80A01L${String(i).padStart(3, '0')}X`, password: 'whatever-password-1', ip }, new Date(start.getTime() + i));
    }
    const r = await authenticate(t.db, { codiceFiscale: CF.office, password: DEMO_PASSWORD, ip }, new Date(start.getTime() + 1_000));
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    const other = await authenticate(t.db, { codiceFiscale: CF.office, password: DEMO_PASSWORD, ip: '198.51.100.1' }, new Date(start.getTime() + 1_000));
    expect(other.ok).toBe(true);
  });
});

describe('session version', () => {
  it('invalidates tokens carrying an old version, a changed role or a deactivated user', async () => {
    const [u] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.giulia));
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion)).toBe(true);
    expect(await sessionStillValid(t.db, u!.id, 'office', u!.sessionVersion)).toBe(false);
    await t.db.update(users).set({ sessionVersion: u!.sessionVersion + 1 }).where(eq(users.id, u!.id));
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion)).toBe(false);
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion + 1)).toBe(true);
    await t.db.update(users).set({ active: false }).where(eq(users.id, u!.id));
    expect(await sessionStillValid(t.db, u!.id, 'family', u!.sessionVersion + 1)).toBe(false);
  });
});
