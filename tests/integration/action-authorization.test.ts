import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversions,
  measureParameters,
  passwordResetTokens,
  pes,
  providerBands,
  providerMeasures,
  providers,
  staffRecoveryCodes,
  staffTotp,
  users,
} from '@/db/schema';
import { actAs, useDb } from './support/act-as';
import { seeded } from './support/fixtures';
import {
  actions,
  call,
  type Callers,
  type Ids,
  isServerActionFile,
  loadIds,
  rolesOf,
  sourceFiles,
  TABLE,
} from './support/server-actions';
import { freshDb, type TestDb } from './support/test-db';

/**
 * N1: every server action authorises itself. ONE table says who may call each action; every exported
 * function of every 'use server' file must appear in it, and is called as anonymous, family, provider
 * and office, on own and on foreign records. The table and the discovery live in support/server-actions.ts.
 */
let t: TestDb;
let ids: Ids;
let callers: Callers;

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  ({ ids, callers } = await loadIds(t.db));
});
afterAll(() => t.close());

async function snapshot() {
  return JSON.stringify([
    await t.db.select().from(pes).orderBy(pes.code),
    await t.db.select().from(conversions).orderBy(conversions.voucherId),
    await t.db.select().from(users).orderBy(users.codiceFiscale),
    await t.db.select().from(providers).orderBy(providers.code),
    await t.db.select().from(providerMeasures).orderBy(providerMeasures.providerId, providerMeasures.measure),
    await t.db.select().from(providerBands).orderBy(providerBands.providerId, providerBands.band),
    await t.db.select().from(measureParameters).orderBy(measureParameters.measure),
    await t.db.select().from(staffTotp).orderBy(staffTotp.userId),
    await t.db.select().from(staffRecoveryCodes).orderBy(staffRecoveryCodes.id),
    await t.db.select().from(passwordResetTokens).orderBy(passwordResetTokens.id),
  ]);
}

describe('N1: the authorisation table covers every server action', () => {
  it('lists exactly the exported server actions', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(TABLE).sort());
  });

  // The table reads lib/actions/**/*.ts only: a server action declared anywhere else (another folder, a .tsx
  // file, a function-level 'use server' inside a component) would be a public endpoint missing from it.
  it("has 'use server' only as the directive of files under lib/actions/**/*.ts", () => {
    const elsewhere = ['app', 'lib', 'db']
      .flatMap((dir) => sourceFiles(path.join(process.cwd(), dir)))
      .filter((file) => {
        const source = readFileSync(path.join(process.cwd(), file), 'utf8');
        if (!/['"]use server['"]/.test(source)) return false;
        return (
          !/^lib\/actions\/.+\.ts$/.test(file) ||
          !isServerActionFile(source) ||
          source.match(/['"]use server['"]/g)!.length > 1
        );
      });
    expect(elsewhere).toEqual([]);
  });
});

describe('N1/N2: callers outside the table are refused and change nothing', () => {
  const protectedActions = Object.entries(TABLE).filter(([, e]) => e.role !== 'public');
  const cells = protectedActions.flatMap(([name, e]) =>
    (['anonymous', 'family', 'provider', 'office'] as const)
      .filter((c) => c === 'anonymous' || !rolesOf(e).includes(c))
      .map((c) => [name, c] as const),
  );
  it.each(cells)('%s as %s', async (name, caller) => {
    const before = await snapshot();
    actAs(callers[caller]);
    const r = await call(name, TABLE[name]!.own!(ids));
    expect(r).toMatchObject({ ok: false, code: caller === 'anonymous' ? 'unauthenticated' : 'forbidden' });
    expect(await snapshot()).toBe(before);
  });

  it.each(protectedActions.filter(([, e]) => e.foreign).map(([name]) => name))(
    '%s on a record of someone else is refused and changes nothing',
    async (name) => {
      const before = await snapshot();
      actAs(callers[rolesOf(TABLE[name]!)[0]!]);
      const r = await call(name, TABLE[name]!.foreign!(ids));
      expect(r).toMatchObject({ ok: false, code: 'not_found' });
      expect(await snapshot()).toBe(before);
    },
  );

  it.each(protectedActions.flatMap(([name, e]) => rolesOf(e).map((role) => [name, role] as const)))(
    '%s by %s is not refused for lack of rights',
    async (name, role) => {
      actAs(callers[role]);
      const r = await call(name, TABLE[name]!.own!(ids));
      expect(['forbidden', 'unauthenticated']).not.toContain(r.code);
    },
  );
});
