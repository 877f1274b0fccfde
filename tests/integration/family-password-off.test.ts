import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import { authenticate } from '@/lib/auth/authenticate';
import { requestPasswordReset } from '@/lib/services/account/request-password-reset';
import { CF, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
});
afterAll(() => t.close());
afterEach(() => vi.unstubAllEnvs());

const at = new Date('2026-11-26T08:00:00Z');
const login = (codiceFiscale: string, password: string, ip: string) =>
  authenticate(t.db, { codiceFiscale, password, ip }, at);
const emailOf = async (cf: string) => (await t.db.select().from(users).where(eq(users.codiceFiscale, cf)))[0]!.email;

describe('FAMILY_PASSWORD_SIGNIN=off', () => {
  it('a family’s correct password is refused with the pointer to SPID/CIE, and no sign-in is recorded', async () => {
    vi.stubEnv('FAMILY_PASSWORD_SIGNIN', 'off');
    expect(await login(CF.anna, DEMO_PASSWORD, '10.1.0.1')).toEqual({ ok: false, reason: 'family_use_spid' });
    const anna = (await t.db.select().from(users).where(eq(users.codiceFiscale, CF.anna)))[0]!;
    const succeeded = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login_succeeded'), eq(auditEvents.entityId, anna.id)));
    expect(succeeded).toHaveLength(0);
  });

  it('a family’s wrong password gets the usual generic answer (no account enumeration)', async () => {
    vi.stubEnv('FAMILY_PASSWORD_SIGNIN', 'off');
    expect(await login(CF.marta, 'una password sbagliata lunga', '10.1.0.2')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('staff sign-in is unchanged', async () => {
    const on = await login(CF.prv2, DEMO_PASSWORD, '10.1.0.3');
    vi.stubEnv('FAMILY_PASSWORD_SIGNIN', 'off');
    const off = await login(CF.prv2, DEMO_PASSWORD, '10.1.0.4');
    expect(off).toEqual(on);
    expect(off.ok || off.reason === 'totp_required').toBe(true);
  });

  it('with it on, the family still signs in with the password', async () => {
    vi.stubEnv('FAMILY_PASSWORD_SIGNIN', 'on');
    expect((await login(CF.giulia, DEMO_PASSWORD, '10.1.0.5')).ok).toBe(true);
  });

  it('password reset is not offered to families: no link is sent, staff still get theirs', async () => {
    vi.stubEnv('FAMILY_PASSWORD_SIGNIN', 'off');
    const ctx = { baseUrl: 'http://localhost:3000', now: at };
    await requestPasswordReset(t.db, { givenName: 'Anna', familyName: 'Rossi', codiceFiscale: CF.anna, ip: null }, ctx);
    expect(await outboxTo(t.db, await emailOf(CF.anna))).toHaveLength(0);
    await requestPasswordReset(
      t.db,
      { givenName: 'Luca', familyName: 'Ferrari', codiceFiscale: CF.prv1, ip: null },
      ctx,
    );
    expect(await outboxTo(t.db, await emailOf(CF.prv1))).toHaveLength(1);
  });
});
