import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginAttempts, staffRecoveryCodes, staffTotp, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import type { Actor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionStillValid } from '@/lib/auth/session-check';
import { THROTTLE } from '@/lib/auth/throttle';
import { totpCodeAt } from '@/lib/auth/totp/totp-code';
import { resetUserMfa } from '@/lib/services/admin/reset-user-mfa';
import { confirmTotpEnrolment } from '@/lib/services/staff-mfa/confirm-totp-enrolment';
import { regenerateRecoveryCodes } from '@/lib/services/staff-mfa/regenerate-recovery-codes';
import { startTotpEnrolment } from '@/lib/services/staff-mfa/start-totp-enrolment';
import { CF, demoActors, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  actors = await demoActors(t.db);
});
afterAll(() => t.close());
afterEach(() => {
  delete process.env.STAFF_MFA;
});

// Instants in the middle of a 30-second step, so ±1 step is unambiguous.
const T0 = Date.UTC(2026, 10, 26, 9, 0, 15);
const at = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000);
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);
const who = (a: Actor) => ({ userId: a.userId, role: a.role, ip: '127.0.0.1' });

async function enrol(a: Actor, now: Date) {
  const { secret, uri } = await startTotpEnrolment(t.db, a.userId);
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const { recoveryCodes } = await confirmTotpEnrolment(t.db, who(a), totpCodeAt(secret, epoch(now)), now);
  return { secret, recoveryCodes };
}

const login = (cf: string, now: Date, totp?: string, ip = '10.9.0.1') => authenticate(t.db, { codiceFiscale: cf, password: DEMO_PASSWORD, ip, ...(totp !== undefined ? { totp } : {}) }, now);

describe('enrolment', () => {
  it('stores the secret encrypted, confirms with the first code and hands out 10 recovery codes stored hashed', async () => {
    const { secret, recoveryCodes } = await enrol(actors.prv1, at(0));
    const [row] = await t.db.select().from(staffTotp).where(eq(staffTotp.userId, actors.prv1.userId));
    expect(row?.confirmedAt).not.toBeNull();
    expect(row?.secretEnc).not.toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, actors.prv1.userId));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replaceAll('-', ''));
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.mfa_enrolled'), eq(auditEvents.entityId, actors.prv1.userId)));
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('refuses a wrong first code and keeps the enrolment pending', async () => {
    const { secret } = await startTotpEnrolment(t.db, actors.prv2.userId);
    const wrong = String((Number(totpCodeAt(secret, epoch(at(0)))) + 1) % 1_000_000).padStart(6, '0');
    await expect(confirmTotpEnrolment(t.db, who(actors.prv2), wrong, at(0))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(confirmTotpEnrolment(t.db, who(actors.prv2), '12ab', at(0))).rejects.toMatchObject({ code: 'invalid_input' });
    const [row] = await t.db.select().from(staffTotp).where(eq(staffTotp.userId, actors.prv2.userId));
    expect(row?.confirmedAt).toBeNull();
  });

  it('is refused to families', async () => {
    await expect(startTotpEnrolment(t.db, actors.anna.userId)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('sign-in with the second factor', () => {
  it('asks for the code after the right password without counting a failure, then accepts the current code', async () => {
    const { secret } = await enrol(actors.office, at(0));
    const attemptsBefore = (await t.db.select().from(loginAttempts)).length;
    expect(await login(CF.office, at(100))).toEqual({ ok: false, reason: 'totp_required' });
    expect(await t.db.select().from(loginAttempts)).toHaveLength(attemptsBefore);
    const ok = await login(CF.office, at(100), totpCodeAt(secret, epoch(at(100))));
    expect(ok.ok).toBe(true);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.login_succeeded'), eq(auditEvents.entityId, actors.office.userId)));
    expect(event?.after).toEqual({ secondFactor: 'totp' });
  });

  it('a wrong password is a plain failure, code or not', async () => {
    for (const totp of [undefined, '123456']) {
      const r = await authenticate(t.db, { codiceFiscale: CF.office, password: 'not the password at all', ip: '10.9.0.2', ...(totp ? { totp } : {}) }, at(200));
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('accepts the codes of the step before and after, refuses two steps away', async () => {
    const { secret } = await enrol(actors.prv3, at(0));
    expect((await login(CF.prv3, at(300), totpCodeAt(secret, epoch(at(270))))).ok).toBe(true);
    expect((await login(CF.prv3, at(400), totpCodeAt(secret, epoch(at(430))))).ok).toBe(true);
    expect(await login(CF.prv3, at(500), totpCodeAt(secret, epoch(at(560))))).toEqual({ ok: false, reason: 'totp_invalid' });
    expect(await login(CF.prv3, at(600), totpCodeAt(secret, epoch(at(540))))).toEqual({ ok: false, reason: 'totp_invalid' });
  });

  it('refuses a code already used (replay), and an older one after a newer was used', async () => {
    const [prv3] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv3));
    const { secret: secretHolder } = await enrolAgain(prv3!.id);
    const code = totpCodeAt(secretHolder, epoch(at(1000)));
    expect((await login(CF.prv3, at(1000), code)).ok).toBe(true);
    expect(await login(CF.prv3, at(1005), code)).toEqual({ ok: false, reason: 'totp_invalid' });
    expect((await login(CF.prv3, at(1030), totpCodeAt(secretHolder, epoch(at(1030))))).ok).toBe(true);
    expect(await login(CF.prv3, at(1035), totpCodeAt(secretHolder, epoch(at(1000))))).toEqual({ ok: false, reason: 'totp_invalid' });
    const failures = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'auth.mfa_failed'), eq(auditEvents.entityId, prv3!.id)));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('the same code posted five times at once signs in once', async () => {
    const [prv3] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv3));
    const { secret } = await enrolAgain(prv3!.id);
    const code = totpCodeAt(secret, epoch(at(5000)));
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => login(CF.prv3, at(5000), code, `10.9.5.${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('counts wrong codes towards the sign-in throttling', async () => {
    const [prv2] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv2));
    const { secret } = await enrolAgain(prv2!.id);
    for (let i = 0; i < THROTTLE.perAccount; i++) expect(await login(CF.prv2, at(2000 + i), '000000', `10.9.2.${i}`)).toMatchObject({ ok: false });
    const locked = await login(CF.prv2, at(2010), totpCodeAt(secret, epoch(at(2010))));
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('accepts each recovery code once, in any case and grouping', async () => {
    const { recoveryCodes } = await enrolAgain(actors.prv1.userId);
    const code = recoveryCodes[3]!;
    const r = await login(CF.prv1, at(3100), code.toLowerCase().replaceAll('-', ' '));
    expect(r.ok).toBe(true);
    expect(await login(CF.prv1, at(3200), code)).toEqual({ ok: false, reason: 'totp_invalid' });
    expect((await login(CF.prv1, at(3300), recoveryCodes[4]!)).ok).toBe(true);
  });
});

describe('new recovery codes', () => {
  it('need a current authenticator code, replace every old code, and are audited', async () => {
    const { secret, recoveryCodes: old } = await enrolAgain(actors.prv3.userId);
    await expect(regenerateRecoveryCodes(t.db, who(actors.prv3), old[0]!, at(7000))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(regenerateRecoveryCodes(t.db, who(actors.prv3), '000000' === totpCodeAt(secret, epoch(at(7000))) ? '111111' : '000000', at(7000))).rejects.toMatchObject({ code: 'invalid_input' });
    const { recoveryCodes } = await regenerateRecoveryCodes(t.db, who(actors.prv3), totpCodeAt(secret, epoch(at(7000))), at(7000));
    expect(recoveryCodes).toHaveLength(10);
    expect(await login(CF.prv3, at(7100), old[1]!)).toEqual({ ok: false, reason: 'totp_invalid' });
    expect((await login(CF.prv3, at(7200), recoveryCodes[0]!)).ok).toBe(true);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.mfa_recovery_codes_renewed'), eq(auditEvents.entityId, actors.prv3.userId)));
    expect(events).toHaveLength(1);
  });
});

/** Resets (as the office) when enrolled, and enrols again. */
async function enrolAgain(userId: string) {
  const [row] = await t.db.select().from(staffTotp).where(eq(staffTotp.userId, userId));
  if (row?.confirmedAt) await resetUserMfa(t.db, actors.office, { userId });
  const [u] = await t.db.select().from(users).where(eq(users.id, userId));
  return enrol({ userId, role: u!.role as Actor['role'], providerId: u!.providerId, ip: null, requestId: null }, at(-60));
}

describe('reset by another office clerk', () => {
  it('removes the second factor, ends the sessions, audits it and tells the clerk', async () => {
    const [before] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    await resetUserMfa(t.db, actors.office, { userId: actors.prv1.userId });
    const [after] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    expect(await sessionStillValid(t.db, after!.id, 'provider', before!.sessionVersion)).toBe(false);
    expect(await t.db.select().from(staffTotp).where(eq(staffTotp.userId, actors.prv1.userId))).toHaveLength(0);
    expect(await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, actors.prv1.userId))).toHaveLength(0);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'user.mfa_reset'), eq(auditEvents.entityId, actors.prv1.userId)));
    expect(event?.actorId).toBe(actors.office.userId);
    expect((await outboxTo(t.db, after!.email)).some((m) => m.subject.includes('azzerata'))).toBe(true);
    // Not enrolled any more: the password alone works again where the second factor is optional.
    expect((await login(CF.prv1, at(4000))).ok).toBe(true);
  });

  it('is refused on oneself, on families and when nothing is enrolled, changing nothing', async () => {
    await expect(resetUserMfa(t.db, actors.office, { userId: actors.office.userId })).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(resetUserMfa(t.db, actors.office, { userId: actors.anna.userId })).rejects.toMatchObject({ code: 'not_found' });
    const [before] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    await expect(resetUserMfa(t.db, actors.office, { userId: actors.prv1.userId })).rejects.toMatchObject({ code: 'invalid_state' });
    const [after] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    expect(after!.sessionVersion).toBe(before!.sessionVersion);
    await expect(resetUserMfa(t.db, actors.prv2, { userId: actors.prv1.userId })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('where the second factor is required', () => {
  it('lets unenrolled staff in only to enrol; families are never asked', async () => {
    process.env.STAFF_MFA = 'required';
    const staff = await login(CF.prv1, at(6000), undefined, '10.9.6.1');
    expect(staff).toMatchObject({ ok: true, user: { mfaPending: true } });
    const family = await login(CF.giulia, at(6000), undefined, '10.9.6.2');
    expect(family).toMatchObject({ ok: true, user: { mfaPending: false } });
  });
});
