import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { switchLocaleAction } from '@/lib/actions/locale/switch-locale';
import { actAs, useDb } from './support/act-as';
import { actorFor, CF, seeded } from './support/fixtures';
import { formData as form } from './support/form-data';
import { freshDb, type TestDb } from './support/test-db';

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
  g.__testHeaders = { 'x-page-path': '/famiglia/buoni/1?tab=2' };
});

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    const digest = String((e as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? '';
    throw e;
  }
  throw new Error('no redirect');
}

const localeOf = async (cf: string) =>
  (await t.db.select({ locale: users.locale }).from(users).where(eq(users.codiceFiscale, cf)))[0]?.locale;

describe('the language switch', () => {
  it('keeps a signed-in family’s choice in the profile and the cookie, and returns to the same page', async () => {
    actAs(await actorFor(t.db, CF.anna));
    const to = await redirectOf(() => switchLocaleAction(null, form({ locale: 'en' })));
    expect(to).toBe('/famiglia/buoni/1?tab=2');
    expect(g.__testCookies?.get('lingua')).toBe('en');
    expect(await localeOf(CF.anna)).toBe('en');
    await redirectOf(() => switchLocaleAction(null, form({ locale: 'it' })));
    expect(await localeOf(CF.anna)).toBe('it');
  });

  it('only sets the cookie for a visitor, and never writes a staff profile', async () => {
    actAs(null);
    await redirectOf(() => switchLocaleAction(null, form({ locale: 'en' })));
    expect(g.__testCookies?.get('lingua')).toBe('en');
    actAs(await actorFor(t.db, CF.office));
    await redirectOf(() => switchLocaleAction(null, form({ locale: 'en' })));
    expect(await localeOf(CF.office)).toBeNull();
  });

  it.each<Record<string, string>>([{ locale: 'fr' }, { locale: 'en', extra: '1' }, {}])(
    'refuses %j and changes nothing',
    async (fields) => {
      actAs(await actorFor(t.db, CF.giulia));
      const to = await redirectOf(() => switchLocaleAction(null, form(fields)));
      expect(to).toBe('/famiglia/buoni/1?tab=2');
      expect(g.__testCookies?.size).toBe(0);
      expect(await localeOf(CF.giulia)).toBeNull();
    },
  );

  it('never sends the visitor to another site', async () => {
    actAs(null);
    g.__testHeaders = { 'x-page-path': '//evil.example/x' };
    expect(await redirectOf(() => switchLocaleAction(null, form({ locale: 'en' })))).toBe('/');
  });

  it('with JavaScript, stores the choice without leaving the page (re-rendered in place: nothing typed is lost)', async () => {
    actAs(null);
    await expect(switchLocaleAction(null, form({ locale: 'en', inPlace: '1' }))).resolves.toBeUndefined();
    expect(g.__testCookies?.get('lingua')).toBe('en');
  });
});
