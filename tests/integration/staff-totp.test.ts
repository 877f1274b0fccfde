import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, loginAttempts, passwordResetTokens, staffRecoveryCodes, staffTotp, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import type { Actor } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionStillValid } from '@/lib/auth/session-check';
import { THROTTLE } from '@/lib/auth/throttle';
import { totpCodeAt } from '@/lib/auth/totp/totp-code';
import { resetUserMfa } from '@/lib/services/office/admin/reset-user-mfa';
import { confirmTotpEnrolment } from '@/lib/services/account/confirm-totp-enrolment';
import { regenerateRecoveryCodes } from '@/lib/services/account/regenerate-recovery-codes';
import { startTotpEnrolment } from '@/lib/services/account/start-totp-enrolment';
import { resetPassword } from '@/lib/services/account/reset-password';
import { staffMfaStatus } from '@/lib/auth/totp/staff-mfa-status';
import { confirmTotpEnrolmentAction, startTotpEnrolmentAction } from '@/lib/actions/staff/totp-enrolment';
import type { AuthenticatedUser } from '@/lib/auth/authenticate';
import { currentSession } from '@/lib/auth/current-session';
import { hashPassword } from '@/lib/auth/password-hash';
import { newResetToken } from '@/lib/auth/reset-token';
import { signInClaims } from '@/lib/auth/session-claims';
import { IDLE_SECONDS, sessionCookieName } from '@/lib/auth/session-config';
import { encodeSessionToken } from '@/lib/auth/session-token';
import { currentStaffIdentity } from '@/lib/auth/totp/enrolling-staff';
import { actAs, useDb } from './support/act-as';
import { CF, demoActors, outboxTo, seeded } from './support/fixtures';
import { withCheckChar } from './support/import-csv';
import { freshDb, type TestDb } from './support/test-db';

// One simulated browser: the cookie it sends, and the cookies the server sets on it (re-issued sessions).
const browser = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= 'staff-totp-test-secret-0123456789abcdef0123';
  return { cookie: '', set: new Map<string, string>() };
});
vi.mock('next/headers', () => {
  const jar = () =>
    new Map(
      browser.cookie
        .split(';')
        .filter(Boolean)
        .map((c) => [c.trim().slice(0, c.trim().indexOf('=')), c.trim().slice(c.trim().indexOf('=') + 1)] as const),
    );
  return {
    headers: async () => new Headers({ host: 'localhost:3000', ...(browser.cookie ? { cookie: browser.cookie } : {}) }),
    cookies: async () => ({
      get: (name: string) => (jar().has(name) ? { name, value: jar().get(name)! } : undefined),
      getAll: () => [...jar()].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string) => void browser.set.set(name, value),
      delete: (name: string) => void browser.set.set(name, ''),
    }),
  };
});

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
});
afterAll(() => t.close());
afterEach(() => {
  delete process.env.STAFF_MFA;
  browser.cookie = '';
  browser.set.clear();
});

// Instants in the middle of a 30-second step, so ±1 step is unambiguous.
const T0 = Date.UTC(2026, 10, 26, 9, 0, 15);
const at = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000);
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);
// Services called directly act for one session of the user (the one the enrolment is bound to).
const SESSION_KEY = 'session-of-this-test';
const who = (a: Actor) => ({
  userId: a.userId,
  role: a.role,
  ip: '127.0.0.1',
  sessionKey: SESSION_KEY,
  continueSession: async () => {},
});
const owner = (a: Pick<Actor, 'userId'>) => ({ userId: a.userId, sessionKey: SESSION_KEY });

async function enrol(a: Actor, now: Date) {
  const { secret, uri } = await startTotpEnrolment(t.db, owner(a));
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const { recoveryCodes } = await confirmTotpEnrolment(t.db, who(a), totpCodeAt(secret, epoch(now)), now);
  return { secret, recoveryCodes };
}

const login = (cf: string, now: Date, totp?: string, ip = '10.9.0.1') =>
  authenticate(t.db, { codiceFiscale: cf, password: DEMO_PASSWORD, ip, ...(totp !== undefined ? { totp } : {}) }, now);

describe('enrolment', () => {
  it('stores the secret encrypted, confirms with the first code and hands out 10 recovery codes stored hashed', async () => {
    const { secret, recoveryCodes } = await enrol(actors.prv1, at(0));
    const [row] = await t.db.select().from(staffTotp).where(eq(staffTotp.userId, actors.prv1.userId));
    expect(row?.confirmedAt).not.toBeNull();
    expect(row?.secretEnc).not.toContain(secret);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.db
      .select()
      .from(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.userId, actors.prv1.userId));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replaceAll('-', ''));
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.mfa_enrolled'), eq(auditEvents.entityId, actors.prv1.userId)));
    expect(JSON.stringify(event)).not.toContain(secret);
  });

  it('refuses a wrong first code and keeps the enrolment pending', async () => {
    const { secret } = await startTotpEnrolment(t.db, owner(actors.prv2));
    const wrong = String((Number(totpCodeAt(secret, epoch(at(0)))) + 1) % 1_000_000).padStart(6, '0');
    await expect(confirmTotpEnrolment(t.db, who(actors.prv2), wrong, at(0))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(confirmTotpEnrolment(t.db, who(actors.prv2), '12ab', at(0))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const [row] = await t.db.select().from(staffTotp).where(eq(staffTotp.userId, actors.prv2.userId));
    expect(row?.confirmedAt).toBeNull();
  });

  it('is refused to families', async () => {
    await expect(startTotpEnrolment(t.db, owner(actors.anna))).rejects.toMatchObject({ code: 'forbidden' });
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
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login_succeeded'), eq(auditEvents.entityId, actors.office.userId)));
    expect(event?.after).toEqual({ secondFactor: 'totp' });
  });

  it('a wrong password is a plain failure, code or not', async () => {
    for (const totp of [undefined, '123456']) {
      const r = await authenticate(
        t.db,
        { codiceFiscale: CF.office, password: 'not the password at all', ip: '10.9.0.2', ...(totp ? { totp } : {}) },
        at(200),
      );
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('accepts the codes of the step before and after, refuses two steps away', async () => {
    const { secret } = await enrol(actors.prv3, at(0));
    expect((await login(CF.prv3, at(300), totpCodeAt(secret, epoch(at(270))))).ok).toBe(true);
    expect((await login(CF.prv3, at(400), totpCodeAt(secret, epoch(at(430))))).ok).toBe(true);
    expect(await login(CF.prv3, at(500), totpCodeAt(secret, epoch(at(560))))).toEqual({
      ok: false,
      reason: 'totp_invalid',
    });
    expect(await login(CF.prv3, at(600), totpCodeAt(secret, epoch(at(540))))).toEqual({
      ok: false,
      reason: 'totp_invalid',
    });
  });

  it('refuses a code already used (replay), and an older one after a newer was used', async () => {
    const [prv3] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv3));
    const { secret: secretHolder } = await enrolAgain(prv3!.id);
    const code = totpCodeAt(secretHolder, epoch(at(1000)));
    expect((await login(CF.prv3, at(1000), code)).ok).toBe(true);
    expect(await login(CF.prv3, at(1005), code)).toEqual({ ok: false, reason: 'totp_invalid' });
    expect((await login(CF.prv3, at(1030), totpCodeAt(secretHolder, epoch(at(1030))))).ok).toBe(true);
    expect(await login(CF.prv3, at(1035), totpCodeAt(secretHolder, epoch(at(1000))))).toEqual({
      ok: false,
      reason: 'totp_invalid',
    });
    const failures = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.mfa_failed'), eq(auditEvents.entityId, prv3!.id)));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('the same code posted five times at once signs in once', async () => {
    const [prv3] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv3));
    const { secret } = await enrolAgain(prv3!.id);
    const code = totpCodeAt(secret, epoch(at(5000)));
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => login(CF.prv3, at(5000), code, `10.9.5.${i}`)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('counts wrong codes towards the sign-in throttling', async () => {
    const [prv2] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.prv2));
    const { secret } = await enrolAgain(prv2!.id);
    for (let i = 0; i < THROTTLE.perAccount; i++)
      expect(await login(CF.prv2, at(2000 + i), '000000', `10.9.2.${i}`)).toMatchObject({ ok: false });
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
    await expect(regenerateRecoveryCodes(t.db, who(actors.prv3), old[0]!, at(7000))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      regenerateRecoveryCodes(
        t.db,
        who(actors.prv3),
        '000000' === totpCodeAt(secret, epoch(at(7000))) ? '111111' : '000000',
        at(7000),
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const { recoveryCodes } = await regenerateRecoveryCodes(
      t.db,
      who(actors.prv3),
      totpCodeAt(secret, epoch(at(7000))),
      at(7000),
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(await login(CF.prv3, at(7100), old[1]!)).toEqual({ ok: false, reason: 'totp_invalid' });
    expect((await login(CF.prv3, at(7200), recoveryCodes[0]!)).ok).toBe(true);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'user.mfa_recovery_codes_renewed'), eq(auditEvents.entityId, actors.prv3.userId)),
      );
    expect(events).toHaveLength(1);
  });
});

/** Resets (as the office) when enrolled, and enrols again. */
async function enrolAgain(userId: string) {
  const [row] = await t.db.select().from(staffTotp).where(eq(staffTotp.userId, userId));
  if (row?.confirmedAt) await resetUserMfa(t.db, actors.office, { userId });
  const [u] = await t.db.select().from(users).where(eq(users.id, userId));
  return enrol(
    { userId, role: u!.role as Actor['role'], providerId: u!.providerId, ip: null, requestId: null },
    at(-60),
  );
}

describe('reset by another office clerk', () => {
  it('removes the second factor, ends the sessions, audits it and tells the clerk', async () => {
    const [before] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    await resetUserMfa(t.db, actors.office, { userId: actors.prv1.userId });
    const [after] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    expect(await sessionStillValid(t.db, after!.id, 'provider', before!.sessionVersion)).toBe(false);
    expect(await t.db.select().from(staffTotp).where(eq(staffTotp.userId, actors.prv1.userId))).toHaveLength(0);
    expect(
      await t.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, actors.prv1.userId)),
    ).toHaveLength(0);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.mfa_reset'), eq(auditEvents.entityId, actors.prv1.userId)));
    expect(event?.actorId).toBe(actors.office.userId);
    expect((await outboxTo(t.db, after!.email)).some((m) => m.subject.includes('azzerata'))).toBe(true);
    // Not enrolled any more: the password alone works again where the second factor is optional.
    expect((await login(CF.prv1, at(4000))).ok).toBe(true);
  });

  it('is refused on oneself, on families and when nothing is enrolled, changing nothing', async () => {
    await expect(resetUserMfa(t.db, actors.office, { userId: actors.office.userId })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(resetUserMfa(t.db, actors.office, { userId: actors.anna.userId })).rejects.toMatchObject({
      code: 'not_found',
    });
    const [before] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    await expect(resetUserMfa(t.db, actors.office, { userId: actors.prv1.userId })).rejects.toMatchObject({
      code: 'invalid_state',
    });
    const [after] = await t.db.select().from(users).where(eq(users.id, actors.prv1.userId));
    expect(after!.sessionVersion).toBe(before!.sessionVersion);
    await expect(resetUserMfa(t.db, actors.prv2, { userId: actors.prv1.userId })).rejects.toMatchObject({
      code: 'forbidden',
    });
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

/** A new, not enrolled clerk of the office, so each test starts from a clean second factor. */
let clerks = 0;
async function newClerk(): Promise<{ cf: string; userId: string }> {
  const cf = withCheckChar(`TTPCL${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[clerks]}80T52L378`);
  const [u] = await t.db
    .insert(users)
    .values({
      codiceFiscale: cf,
      givenName: 'Carla',
      familyName: 'Prova',
      email: `clerk${clerks++}@example.it`,
      role: 'office',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning();
  return { cf, userId: u!.id };
}

/** The cookie Auth.js issues at sign-in for this user (the claims its jwt callback writes). */
function sessionCookie(user: AuthenticatedUser): string {
  return encodeSessionToken(signInClaims(user), process.env.AUTH_SECRET!, sessionCookieName(), IDLE_SECONDS);
}

/** The next requests come from the browser holding this session cookie. */
function browse(token: string) {
  browser.cookie = `${sessionCookieName()}=${token}`;
  browser.set.clear();
  actAs(null);
}

async function passwordOnlySession(cf: string, ip: string): Promise<string> {
  const r = await authenticate(t.db, { codiceFiscale: cf, password: DEMO_PASSWORD, ip });
  if (!r.ok) throw new Error(`sign-in refused: ${r.reason}`);
  expect(r.user.mfaPending).toBe(true);
  return sessionCookie(r.user);
}

/** What /profilo/sicurezza shows this browser. */
async function securityPageData() {
  const staff = await currentStaffIdentity();
  if (!staff || staff === 'family') return null;
  return staffMfaStatus(t.db, staff.userId, staff.sessionKey);
}

describe('enrolment is bound to the session that started it (issue 15, finding 3)', () => {
  it('confirming ends every other session of the clerk; the enrolling session continues as a full session', async () => {
    process.env.STAFF_MFA = 'required';
    const clerk = await newClerk();
    const a = await passwordOnlySession(clerk.cf, '10.15.3.1');
    const b = await passwordOnlySession(clerk.cf, '10.15.3.2');

    browse(a);
    expect(await startTotpEnrolmentAction({})).toMatchObject({ ok: true });
    const secret = (await securityPageData())?.pending?.secret;
    expect(secret).toBeTruthy();
    expect(
      await confirmTotpEnrolmentAction({ code: totpCodeAt(secret!, Math.floor(Date.now() / 1000)) }),
    ).toMatchObject({ ok: true });
    const reissued = browser.set.get(sessionCookieName());
    expect(reissued).toBeTruthy();

    browse(reissued!);
    expect(await currentSession()).toMatchObject({ userId: clerk.userId, mfaPending: false });
    browse(b);
    expect(await currentSession()).toBeNull();
    expect(await startTotpEnrolmentAction({})).toMatchObject({ ok: false, code: 'unauthenticated' });
  });

  it('another session of the same clerk never sees the pending secret, cannot confirm it, and restarting replaces it', async () => {
    process.env.STAFF_MFA = 'required';
    const clerk = await newClerk();
    const a = await passwordOnlySession(clerk.cf, '10.15.3.3');
    const b = await passwordOnlySession(clerk.cf, '10.15.3.4');

    browse(a);
    expect(await startTotpEnrolmentAction({})).toMatchObject({ ok: true });
    const secretA = (await securityPageData())?.pending?.secret;
    expect(secretA).toBeTruthy();

    browse(b);
    const seenByB = await securityPageData();
    expect(seenByB?.pending ?? null).toBeNull();
    expect(JSON.stringify(seenByB)).not.toContain(secretA);
    const stolen = await confirmTotpEnrolmentAction({ code: totpCodeAt(secretA!, Math.floor(Date.now() / 1000)) });
    expect(stolen).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(JSON.stringify(stolen)).toMatch(/altra sessione/);
    expect((await t.db.select().from(staffTotp).where(eq(staffTotp.userId, clerk.userId)))[0]?.confirmedAt).toBeNull();

    // Restarting here replaces the secret: B now holds the enrolment, A no longer sees or confirms one.
    expect(await startTotpEnrolmentAction({})).toMatchObject({ ok: true });
    const secretB = (await securityPageData())?.pending?.secret;
    expect(secretB).toBeTruthy();
    expect(secretB).not.toBe(secretA);
    browse(a);
    expect((await securityPageData())?.pending ?? null).toBeNull();
  });
});

/** A 6-digit code the authenticator does not show at that instant, nor one step before or after. */
function wrongCode(secret: string, d: Date): string {
  const valid = new Set([-30, 0, 30].map((o) => totpCodeAt(secret, epoch(d) + o)));
  for (let n = 0; ; n++) {
    const c = String((n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(c)) return c;
  }
}
const WRONG_RECOVERY = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ';

/**
 * `n` wrong second factors in a row (every fifth a recovery code), each from its own address 31 s apart so the
 * sign-in throttling lets every one through. Returns the answers and the instant of the last one.
 */
async function wrongCodes(cf: string, secret: string, from: number, n: number, password = DEMO_PASSWORD) {
  const answers = [];
  let s = from;
  for (let i = 0; i < n; i++) {
    s += 31;
    const code = i % 5 === 4 ? WRONG_RECOVERY : wrongCode(secret, at(s));
    answers.push(
      await authenticate(
        t.db,
        { codiceFiscale: cf, password, ip: `10.15.7.${(from / 10 + i) % 250}`, totp: code },
        at(s),
      ),
    );
  }
  return { answers, last: s };
}

async function enrolClerk(clerk: { userId: string }, now: Date) {
  return enrol({ userId: clerk.userId, role: 'office', providerId: null, ip: null, requestId: null }, now);
}

describe('wrong second factors lock it (issue 15, finding 7)', () => {
  it('20 wrong codes in a row lock it, even against the right code, until the office resets it; the lock is audited', async () => {
    const clerk = await newClerk();
    const { secret } = await enrolClerk(clerk, at(20_000));
    const { answers, last } = await wrongCodes(clerk.cf, secret, 20_000, 20);
    expect(answers.slice(0, 19).every((r) => !r.ok && r.reason === 'totp_invalid')).toBe(true);
    expect(answers[19]).toMatchObject({
      ok: false,
      reason: 'totp_locked',
      message: expect.stringContaining('Troppi codici errati'),
    });
    const right = await login(clerk.cf, at(last + 31), totpCodeAt(secret, epoch(at(last + 31))), '10.15.7.251');
    expect(right).toMatchObject({
      ok: false,
      reason: 'totp_locked',
      message: expect.stringMatching(/Ho smarrito la password.*ufficio/),
    });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.mfa_locked'), eq(auditEvents.entityId, clerk.userId)));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(totpCodeAt(secret, epoch(at(last))));

    await resetUserMfa(t.db, actors.office, { userId: clerk.userId });
    const again = await enrolClerk(clerk, at(last + 60));
    expect(
      (await login(clerk.cf, at(last + 120), totpCodeAt(again.secret, epoch(at(last + 120))), '10.15.7.252')).ok,
    ).toBe(true);
  });

  it('a password reset (the e-mailed link proves the owner) lifts the lock', async () => {
    const clerk = await newClerk();
    const { secret } = await enrolClerk(clerk, at(30_000));
    const { last } = await wrongCodes(clerk.cf, secret, 30_000, 20);
    expect(await login(clerk.cf, at(last + 31), totpCodeAt(secret, epoch(at(last + 31))), '10.15.8.1')).toMatchObject({
      reason: 'totp_locked',
    });
    const { token, hash } = newResetToken();
    await t.db
      .insert(passwordResetTokens)
      .values({ userId: clerk.userId, tokenHash: hash, expiresAt: at(last + 3600), createdAt: at(last + 40) });
    const password = 'mirtillo ghiacciaio lanterna 77';
    await resetPassword(t.db, { token, password, ip: '10.15.8.1' }, at(last + 60));
    const r = await authenticate(
      t.db,
      { codiceFiscale: clerk.cf, password, ip: '10.15.8.1', totp: totpCodeAt(secret, epoch(at(last + 90))) },
      at(last + 90),
    );
    expect(r.ok).toBe(true);
  });

  it('wrong codes on the "new recovery codes" form count too: the 20th locks it, sign-in included', async () => {
    const clerk = await newClerk();
    const { secret } = await enrolClerk(clerk, at(50_000));
    const right = (s: number) => totpCodeAt(secret, epoch(at(s)));
    const wrong = (s: number) => (right(s) === '000000' ? '111111' : '000000');
    const me = who({ userId: clerk.userId, role: 'office', providerId: null, ip: '10.15.10.1', requestId: null });
    for (let i = 0; i < 19; i++)
      await expect(regenerateRecoveryCodes(t.db, me, wrong(50_100 + i), at(50_100 + i))).rejects.toMatchObject({
        code: 'invalid_input',
      });
    await expect(regenerateRecoveryCodes(t.db, me, wrong(50_200), at(50_200))).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('Troppi codici errati'),
    });
    await expect(regenerateRecoveryCodes(t.db, me, right(50_300), at(50_300))).rejects.toMatchObject({
      code: 'invalid_state',
    });
    expect(await login(clerk.cf, at(50_400), right(50_400), '10.15.10.2')).toMatchObject({ reason: 'totp_locked' });
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.mfa_locked'), eq(auditEvents.entityId, clerk.userId)));
    expect(events).toHaveLength(1);
  });

  it('19 wrong codes then the right one signs in and starts the count afresh', async () => {
    const clerk = await newClerk();
    const { secret } = await enrolClerk(clerk, at(40_000));
    const first = await wrongCodes(clerk.cf, secret, 40_000, 19);
    expect(
      (await login(clerk.cf, at(first.last + 31), totpCodeAt(secret, epoch(at(first.last + 31))), '10.15.9.1')).ok,
    ).toBe(true);
    const second = await wrongCodes(clerk.cf, secret, first.last + 31, 19);
    expect(second.answers.every((r) => !r.ok && r.reason === 'totp_invalid')).toBe(true);
    expect(
      (await login(clerk.cf, at(second.last + 31), totpCodeAt(secret, epoch(at(second.last + 31))), '10.15.9.2')).ok,
    ).toBe(true);
  });
});
