import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyProfile } from '@/db/queries/family-profile';
import { auditEvents, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { oidcSignIn } from '@/lib/auth/oidc-sign-in';
import { adoptIdentityContact } from '@/lib/services/family/adopt-identity-contact';
import { actorFor, CF, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * Issue 18: the name, e-mail and mobile the identity provider gives are stored at sign-in and shown on the
 * profile; notifications and the OTP keep the imported record's until the family confirms a change (audited).
 */
const L2 = 'https://www.spid.gov.it/SpidL2';
let t: TestDb;
let anna: Actor;
let marta: Actor;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  anna = await actorFor(t.db, CF.anna);
  marta = await actorFor(t.db, CF.marta);
});
afterAll(() => t.close());

const signIn = (cf: string, extra: Record<string, unknown>) =>
  oidcSignIn(t.db, {
    claims: { sub: `s-${cf}`, acr: L2, 'https://attributes.eid.gov.it/fiscal_number': `TINIT-${cf}`, ...extra },
    acrValues: L2,
    fiscalCodeClaim: null,
    ip: '10.0.0.1',
  });
const record = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;

describe('what the identity provider says about a family', () => {
  it('is stored at sign-in (values only, shapes checked) and shown next to the record, which does not change', async () => {
    const before = await record(anna.userId);
    expect(await familyProfile(t.db, anna.userId)).toMatchObject({ identity: null });
    const r = await signIn(CF.anna, {
      given_name: 'Anna Maria',
      family_name: 'Rossi',
      email: ' Anna.Rossi@Spid.Example.it ',
      phone_number: '+39 347 999 0001',
    });
    expect(r.ok).toBe(true);
    const profile = await familyProfile(t.db, anna.userId);
    expect(profile).toMatchObject({
      email: before.email,
      mobile: before.mobile,
      identity: {
        givenName: 'Anna Maria',
        familyName: 'Rossi',
        email: 'anna.rossi@spid.example.it',
        mobile: '+393479990001',
      },
    });
    expect(await record(anna.userId)).toMatchObject({ email: before.email, mobile: before.mobile });
  });

  it('keeps no malformed e-mail or number, and a later sign-in replaces what was there', async () => {
    await signIn(CF.marta, { email: 'marta@spid.example.it', phone_number: '+393470000099' });
    await signIn(CF.marta, { email: 'non è un indirizzo', phone_number: '12' });
    expect((await familyProfile(t.db, marta.userId))?.identity).toMatchObject({ email: null, mobile: null });
  });

  it('a refused sign-in stores nothing', async () => {
    const r = await signIn(CF.anna, { acr: 'https://www.spid.gov.it/SpidL1', email: 'altro@spid.example.it' });
    expect(r.ok).toBe(false);
    expect((await familyProfile(t.db, anna.userId))?.identity?.email).toBe('anna.rossi@spid.example.it');
  });
});

describe('«Usa questo indirizzo per le comunicazioni»', () => {
  it('makes the identity provider’s e-mail the one for notifications, audited with before and after', async () => {
    const old = (await record(anna.userId)).email;
    expect(await adoptIdentityContact(t.db, anna, { field: 'email', value: 'anna.rossi@spid.example.it' })).toEqual({
      changed: true,
    });
    expect((await record(anna.userId)).email).toBe('anna.rossi@spid.example.it');
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.contact_confirmed'), eq(auditEvents.entityId, anna.userId)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      actorId: anna.userId,
      before: { field: 'email', value: old },
      after: { field: 'email', value: 'anna.rossi@spid.example.it', source: 'identity_provider' },
    });
    // Again: nothing to change, nothing audited.
    expect(await adoptIdentityContact(t.db, anna, { field: 'email', value: 'anna.rossi@spid.example.it' })).toEqual({
      changed: false,
    });
  });

  it('changes the mobile the OTP goes to only on request', async () => {
    await adoptIdentityContact(t.db, anna, { field: 'mobile', value: '+393479990001' });
    expect((await record(anna.userId)).mobile).toBe('+393479990001');
  });

  it.each([
    [
      'a value the identity provider did not give',
      () => anna,
      { field: 'email' as const, value: 'attacker@evil.example' },
    ],
    ['someone else’s identity data', () => anna, { field: 'mobile' as const, value: '+393470000099' }],
    [
      'a family that never signed in with SPID/CIE',
      async () => actorFor(t.db, CF.giulia),
      { field: 'email' as const, value: 'x@y.it' },
    ],
  ])('refuses %s and changes nothing', async (_name, who, input) => {
    const actor = await who();
    const before = await record(actor.userId);
    const events = (await t.db.select().from(auditEvents)).length;
    await expect(adoptIdentityContact(t.db, actor, input)).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await record(actor.userId)).toEqual(before);
    expect((await t.db.select().from(auditEvents)).length).toBe(events);
  });
});
