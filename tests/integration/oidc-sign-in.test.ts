import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/db/schema';
import { oidcSignIn } from '@/lib/auth/oidc-sign-in';
import { CF, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

const L2 = 'https://www.spid.gov.it/SpidL2';
const SPID_CLAIM = 'https://attributes.eid.gov.it/fiscal_number';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
});
afterAll(() => t.close());

const claimsFor = (cf: string, extra: Record<string, unknown> = {}) => ({
  sub: `sub-${cf}`,
  acr: L2,
  idp: 'https://id.lepida.it/idp/shibboleth',
  sid: 'sid-123',
  jti: 'jti-456',
  [SPID_CLAIM]: `TINIT-${cf}`,
  ...extra,
});
const signIn = (claims: Record<string, unknown>) =>
  oidcSignIn(t.db, { claims, acrValues: L2, fiscalCodeClaim: null, ip: '10.9.9.9' });
const lastEvent = async () => (await t.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1))[0]!;

describe('signing in through the identity gateway', () => {
  it('a family fiscal code signs in as that family, with the same session version, and the evidence is audited', async () => {
    const r = await signIn(claimsFor(CF.anna));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [anna] = await t.db.select().from(users).where(eq(users.codiceFiscale, CF.anna));
    expect(r.user).toEqual({
      id: anna!.id,
      role: 'family',
      providerId: null,
      sessionVersion: anna!.sessionVersion,
      name: 'Anna Rossi',
      mfaPending: false,
    });
    const e = await lastEvent();
    expect(e.action).toBe('auth.oidc_login_succeeded');
    expect(e.actorId).toBe(anna!.id);
    expect(e.ip).toBe('10.9.9.9');
    expect(e.after).toEqual({
      acr: L2,
      idp: 'https://id.lepida.it/idp/shibboleth',
      amr: null,
      sid: 'sid-123',
      jti: 'jti-456',
    });
  });

  it.each([
    ['a staff account (provider)', claimsFor(CF.prv1), 'staff_account'],
    ['a staff account (office)', claimsFor(CF.office), 'staff_account'],
    ['an unknown fiscal code', claimsFor('MRTMTT25D09F205Z'), 'unknown_fiscal_code'],
    ['a level below the one asked', claimsFor(CF.anna, { acr: 'https://www.spid.gov.it/SpidL1' }), 'acr_too_low'],
    ['no acr', claimsFor(CF.anna, { acr: undefined }), 'acr_too_low'],
    ['no fiscal code claim', claimsFor(CF.anna, { [SPID_CLAIM]: undefined }), 'claim_missing'],
    ['a malformed fiscal code', claimsFor(CF.anna, { [SPID_CLAIM]: 'TINIT-RSSNNA85M41L378A' }), 'claim_malformed'],
  ])('%s is refused, no account is created, and the refusal is audited', async (_n, claims, reason) => {
    const before = (await t.db.select().from(users)).length;
    const r = await signIn(claims);
    expect(r).toEqual({ ok: false, reason });
    expect((await t.db.select().from(users)).length).toBe(before);
    const e = await lastEvent();
    expect(e.action).toBe('auth.oidc_login_refused');
    expect(e.actorId).toBeNull();
    expect((e.after as { reason: string }).reason).toBe(reason);
    expect(JSON.stringify(e.after)).not.toMatch(/eyJ/); // never a token
  });

  it('a deactivated family is refused', async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.codiceFiscale, CF.giulia));
    expect(await signIn(claimsFor(CF.giulia))).toEqual({ ok: false, reason: 'inactive' });
    const refused = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.oidc_login_refused'), eq(auditEvents.ip, '10.9.9.9')));
    expect(refused.length).toBeGreaterThan(0);
  });
});
