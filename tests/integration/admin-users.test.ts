import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStaffUsers } from '@/db/queries/admin/staff-users';
import { auditEvents, passwordResetTokens, providers, users } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo-data';
import { createStaffUserAction, setUserActiveAction } from '@/lib/actions/office/admin-users';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionStillValid } from '@/lib/auth/session-check';
import { createStaffUser } from '@/lib/services/office/admin/create-staff-user';
import { setUserActive } from '@/lib/services/office/admin/set-user-active';
import { resetPassword } from '@/lib/services/account/reset-password';
import { actAs, useDb } from './support/act-as';
import { CF, demoActors, outboxTo, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
let prv2Id: string;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
  prv2Id = (await t.db.select().from(providers).where(eq(providers.code, 'PRV2')))[0]!.id;
});
afterAll(() => t.close());

const BASE = 'http://localhost:3000';
const NEW_CLERK = {
  role: 'provider' as const,
  providerId: '',
  codiceFiscale: 'rssmra80a01h501u',
  givenName: 'Mario',
  familyName: 'Rossi',
  email: 'mario.rossi@estateragazzi.example.it',
};
const PASSWORD = 'mirtillo sentiero dolomiti 7';

function tokenFrom(body: string): string {
  const m = /\/attivazione#token=([A-Za-z0-9_-]+)/.exec(body);
  if (!m?.[1]) throw new Error('no activation link in e-mail');
  return m[1];
}
const userByCf = async (cf: string) => (await t.db.select().from(users).where(eq(users.codiceFiscale, cf)))[0]!;

describe('creating staff users', () => {
  it('creates a provider clerk bound to the provider, with no usable password, and e-mails a 72-hour single-use activation link', async () => {
    actAs(actors.office);
    const r = await createStaffUserAction({ ...NEW_CLERK, providerId: prv2Id });
    expect(r).toMatchObject({ ok: true });
    const u = await userByCf('RSSMRA80A01H501U');
    expect(u).toMatchObject({ role: 'provider', providerId: prv2Id, active: true });
    expect(await authenticate(t.db, { codiceFiscale: u.codiceFiscale, password: PASSWORD, ip: '10.7.0.1' })).toEqual({
      ok: false,
      reason: 'invalid',
    });

    const [mail] = await outboxTo(t.db, NEW_CLERK.email);
    expect(mail?.subject).toContain('Attiva');
    expect(mail?.textBody).toContain('Associazione Estate Ragazzi Trento');
    const [token] = await t.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, u.id));
    expect(token?.purpose).toBe('activation');
    const hours = (token!.expiresAt.getTime() - token!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBe(72);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.created'), eq(auditEvents.entityId, u.id)));
    expect(event?.actorId).toBe(actors.office.userId);

    const link = tokenFrom(mail!.textBody);
    await resetPassword(t.db, { token: link, password: PASSWORD, ip: null });
    expect((await authenticate(t.db, { codiceFiscale: u.codiceFiscale, password: PASSWORD, ip: '10.7.0.1' })).ok).toBe(
      true,
    );
    await expect(
      resetPassword(t.db, { token: link, password: 'un altra password lunga abbastanza', ip: null }),
    ).rejects.toMatchObject({ code: 'token_invalid' });
  });

  it('creates an office clerk without a provider', async () => {
    const { userId } = await createStaffUser(
      t.db,
      actors.office,
      {
        role: 'office',
        providerId: null,
        codiceFiscale: 'VRDGPP75C10L378K',
        givenName: 'Giuseppe',
        familyName: 'Verdi',
        email: 'g.verdi@provincia.example.it',
      },
      { baseUrl: BASE },
    );
    const [u] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(u).toMatchObject({ role: 'office', providerId: null });
  });

  it.each([
    ['an existing codice fiscale', { providerId: 'PRV2', codiceFiscale: CF.prv2 }, 'codiceFiscale'],
    ['a wrong check character', { providerId: 'PRV2', codiceFiscale: 'RSSMRA80A01H501X' }, 'codiceFiscale'],
    ['a provider clerk without a provider', { providerId: '' }, 'providerId'],
    ['a family role', { role: 'family', providerId: '' }, 'role'],
    ['a malformed e-mail', { providerId: 'PRV2', codiceFiscale: 'BNCLRA85T41L378J', email: 'lara' }, 'email'],
  ])('refuses %s, sends nothing and changes nothing', async (_name, over, field) => {
    actAs(actors.office);
    const before = await t.db.select().from(users);
    const input = { ...NEW_CLERK, ...over };
    const r = await createStaffUserAction({
      ...input,
      providerId: input.providerId === 'PRV2' ? prv2Id : input.providerId,
    });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    if (!r.ok) expect(r.fieldErrors?.[field]).toBeTruthy();
    expect(await t.db.select().from(users)).toHaveLength(before.length);
  });
});

describe('deactivation', () => {
  it('ends the sessions at once, refuses sign-in, and reactivation lets the user in with a new session', async () => {
    const before = await userByCf(CF.prv3);
    expect(await sessionStillValid(t.db, before.id, 'provider', before.sessionVersion, before.providerId)).toBe(true);
    actAs(actors.office);
    expect(await setUserActiveAction({ userId: before.id, active: 'false' })).toMatchObject({ ok: true });
    expect(await sessionStillValid(t.db, before.id, 'provider', before.sessionVersion, before.providerId)).toBe(false);
    expect(await authenticate(t.db, { codiceFiscale: CF.prv3, password: DEMO_PASSWORD, ip: '10.7.1.1' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await setUserActiveAction({ userId: before.id, active: 'false' })).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });

    expect(await setUserActiveAction({ userId: before.id, active: 'true' })).toMatchObject({ ok: true });
    const after = await userByCf(CF.prv3);
    // The token issued before the deactivation stays dead; a new sign-in works.
    expect(await sessionStillValid(t.db, before.id, 'provider', before.sessionVersion, before.providerId)).toBe(false);
    const again = await authenticate(t.db, { codiceFiscale: CF.prv3, password: DEMO_PASSWORD, ip: '10.7.1.1' });
    expect(again).toMatchObject({ ok: true, user: { sessionVersion: after.sessionVersion } });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, before.id));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
  });

  it('refuses an office clerk deactivating themself, and families', async () => {
    await expect(
      setUserActive(t.db, actors.office, { userId: actors.office.userId, active: false }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
    await expect(
      setUserActive(t.db, actors.office, { userId: actors.anna.userId, active: false }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await userByCf(CF.office)).active).toBe(true);
    expect((await userByCf(CF.anna)).active).toBe(true);
  });
});

describe('staff list', () => {
  it('shows each clerk’s last successful sign-in and no families', async () => {
    const at = new Date('2026-11-26T07:30:00Z');
    await authenticate(t.db, { codiceFiscale: CF.prv1, password: DEMO_PASSWORD, ip: '10.7.2.1' }, at);
    await authenticate(
      t.db,
      { codiceFiscale: CF.prv1, password: 'wrong password for the list', ip: '10.7.2.1' },
      new Date('2026-11-26T08:00:00Z'),
    );
    const rows = await listStaffUsers(t.db);
    expect(rows.some((r) => r.codiceFiscale === CF.anna)).toBe(false);
    const luca = rows.find((r) => r.codiceFiscale === CF.prv1)!;
    expect(luca.lastLoginAt?.toISOString()).toBe(at.toISOString());
    expect(luca.providerName).toBe('Cooperativa Sociale Il Germoglio');
    expect(rows.find((r) => r.codiceFiscale === 'VRDGPP75C10L378K')?.lastLoginAt).toBeNull();
  });
});
