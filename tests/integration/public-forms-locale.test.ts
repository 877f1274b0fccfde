import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema';
import { loginAction } from '@/lib/actions/auth/login';
import { passwordResetErrors } from '@/lib/actions/auth/password-reset-errors';
import { requestPasswordResetAction } from '@/lib/actions/auth/request-password-reset';
import { resetPasswordAction } from '@/lib/actions/auth/reset-password';
import { adoptIdentityContactAction } from '@/lib/actions/family/adopt-identity-contact';
import { PASSWORD_MESSAGES } from '@/lib/domain/password-policy';
import { actAs, useDb } from './support/act-as';
import { actorFor, CF, seeded } from './support/fixtures';
import { formData as form } from './support/form-data';
import { freshDb, type TestDb } from './support/test-db';

// Sign-in needs a real request: here Auth.js refuses with the code each test chooses.
const refusal = vi.hoisted(() => ({ code: 'credentials' }));
vi.mock('@/lib/auth/auth', async () => {
  const { CredentialsSignin } = await import('next-auth');
  return {
    auth: async () => null,
    signIn: async () => {
      const e = new CredentialsSignin();
      e.code = refusal.code;
      throw e;
    },
    signOut: async () => undefined,
    handlers: {},
  };
});

/**
 * Issue 21: the sign-in, lost-password and profile forms answer in the reader's language — a visitor's by the
 * browser or the cookie, a family's by its profile — with the Italian unchanged for everyone else.
 */
let t: TestDb;
const g = globalThis as { __testCookies?: Map<string, string>; __testHeaders?: Record<string, string> };

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
});
afterAll(() => t.close());
beforeEach(() => {
  g.__testCookies = new Map();
  g.__testHeaders = {};
  actAs(null);
  refusal.code = 'credentials';
});

const english = () => void (g.__testHeaders = { 'accept-language': 'en-GB,en;q=0.9' });

describe('sign-in errors', () => {
  it('are English for a visitor whose browser asks for English, Italian otherwise', async () => {
    english();
    expect((await loginAction({}, form({ codiceFiscale: '', password: '' }))).message).toBe(
      'Enter your tax code and password.',
    );
    const wrong = await loginAction({}, form({ codiceFiscale: CF.anna, password: 'not the password' }));
    expect(wrong).toEqual({
      message: expect.stringMatching(/^Wrong tax code or password\./),
      codiceFiscale: CF.anna,
    });
    g.__testHeaders = {};
    expect((await loginAction({}, form({ codiceFiscale: '', password: '' }))).message).toBe(
      'Inserisci codice fiscale e password.',
    );
  });

  it('follow the cookie over the browser, for the second factor too', async () => {
    g.__testHeaders = { 'accept-language': 'it' };
    g.__testCookies = new Map([['lingua', 'en']]);
    refusal.code = 'totp_invalid';
    const r = await loginAction({}, form({ codiceFiscale: CF.office, password: 'x', totp: '123456' }));
    expect(r).toMatchObject({ step: 'totp', message: expect.stringMatching(/^The code is wrong/) });
    refusal.code = 'throttled';
    expect((await loginAction({}, form({ codiceFiscale: CF.office, password: 'x' }))).message).toMatch(
      /^Too many failed attempts/,
    );
  });
});

describe('«Ho smarrito la password» in English', () => {
  it('says each field’s problem in English and keeps what was typed', async () => {
    english();
    const r = await requestPasswordResetAction(
      {},
      form({ givenName: ' ', familyName: 'Rossi', codiceFiscale: 'RSSNNA85M41L378X' }),
    );
    expect(r.fieldErrors).toEqual({
      givenName: 'Enter your first name.',
      codiceFiscale: expect.stringMatching(/^The tax code is not valid/),
    });
    expect(r.values).toMatchObject({ familyName: 'Rossi' });
  });

  it('refuses different passwords and an unknown link in English', async () => {
    english();
    const token = 'x'.repeat(43);
    const mismatch = await resetPasswordAction({}, form({ token, password: 'uno due tre', confirm: 'quattro' }));
    expect(mismatch.fieldErrors).toEqual({ confirm: 'The two passwords do not match: type them the same.' });
    const unknown = await resetPasswordAction(
      {},
      form({ token, password: 'lampone gelato montagna 42', confirm: 'lampone gelato montagna 42' }),
    );
    expect(unknown).toEqual({ message: expect.stringMatching(/^The link is not valid or has expired/) });
  });

  it('says every reason of the password policy again, in English, and in Italian as the policy wrote it', () => {
    const refusal = `${PASSWORD_MESSAGES.tooShort} ${PASSWORD_MESSAGES.common}`;
    expect(passwordResetErrors('en').policy(refusal)).toBe(
      'The password must have at least 15 characters. The password is too common or easy to guess: avoid common words, keyboard sequences and dates. Try a phrase of four or more words.',
    );
    expect(passwordResetErrors('it').policy(refusal)).toBe(refusal);
  });
});

describe('the profile’s «Usa questo indirizzo per le comunicazioni»', () => {
  it('refuses a value the identity provider no longer gives in the family’s language, and changes nothing', async () => {
    const anna = await actorFor(t.db, CF.anna);
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, anna.userId));
    actAs(anna);
    const before = await t.db.select({ email: users.email }).from(users).where(eq(users.id, anna.userId));
    const r = await adoptIdentityContactAction(null, form({ field: 'email', value: 'someone@else.example' }));
    expect(r).toMatchObject({
      ok: false,
      code: 'invalid_state',
      message:
        'The e-mail address given by your digital identity is no longer this one: reload the page and try again.',
    });
    expect(await t.db.select({ email: users.email }).from(users).where(eq(users.id, anna.userId))).toEqual(before);
    await t.db.update(users).set({ locale: 'it' }).where(eq(users.id, anna.userId));
    expect(await adoptIdentityContactAction(null, form({ field: 'mobile', value: '+390000' }))).toMatchObject({
      message: expect.stringMatching(/^Il numero di cellulare indicato dall’identità digitale non è più questo/),
    });
  });
});
