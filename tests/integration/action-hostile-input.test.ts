import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtinsSnapshot, changesSince, restoreBuiltins, strayProperties } from '../support/builtins-snapshot';
import { actAs, useDb } from './support/act-as';
import { seeded } from './support/fixtures';
import { actions, type Callers, type Ids, loadIds, rolesOf, TABLE } from './support/server-actions';
import { freshDb, type TestDb } from './support/test-db';

// Sign-in and sign-out need a real request: here they refuse like a wrong password, so the login action runs
// its whole input path without Auth.js.
vi.mock('@/lib/auth/auth', async () => {
  const { CredentialsSignin } = await import('next-auth');
  return {
    auth: async () => null,
    signIn: async () => {
      throw new CredentialsSignin();
    },
    signOut: async () => undefined,
    handlers: {},
  };
});

/**
 * X1: no request, signed in or not, can change shared state. Every exported server action is posted, by
 * every kind of caller, field names that walk into inherited properties, a 10 000-field form, and (for
 * actions called with an object) objects carrying those keys; afterwards the built-ins are exactly as they
 * were and a normal request still works.
 */
const HOSTILE_NAMES = [
  '__proto__.x',
  'constructor.prototype.x',
  'prototype.x',
  'toString.x',
  'hasOwnProperty.call',
  'valueOf.x',
  '0.__proto__.x',
  'a.b.c.d.e.f',
];
const HOSTILE_JSON =
  '{"__proto__":{"x":"polluted"},"constructor":{"prototype":{"x":"polluted"}},"prototype":{"x":1},"hasOwnProperty":{"call":1},"toString":{"x":1},"valueOf":{"x":1}}';
const CALLERS = ['anonymous', 'family', 'provider', 'office'] as const;

let t: TestDb;
let ids: Ids;
let callers: Callers;
const pristine = builtinsSnapshot();

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  ({ ids, callers } = await loadIds(t.db));
});
afterAll(() => t.close());
afterEach(() => restoreBuiltins(pristine));

type Result = { ok?: boolean; done?: boolean; code?: string } | undefined;
const fnOf = (name: string) => actions.get(name)! as (...args: unknown[]) => Promise<Result>;

/** The action's own valid-looking fields (lists as repeated names, booleans as ticked boxes), then `extra`. */
function formOf(name: string, extra: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries((TABLE[name]!.own?.(ids) ?? {}) as Record<string, string | string[] | boolean>)) {
    if (Array.isArray(v)) v.forEach((x) => fd.append(k, x));
    else if (typeof v === 'boolean') {
      if (v) fd.append(k, 'on');
    } else fd.append(k, v);
  }
  for (const [k, v] of extra) fd.append(k, v);
  return fd;
}

let changes: string[] = [];
let stray: unknown[] = [];

/**
 * Runs the action; a redirect (thrown by Next) counts as an answer, anything else thrown fails the test.
 * What it changed on the built-ins is noted and undone at once: a polluted hasOwnProperty.call would
 * otherwise crash the test runner itself before any assertion.
 */
async function answer(run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (e) {
    if (String((e as { digest?: unknown }).digest ?? '').startsWith('NEXT_REDIRECT')) return { ok: false };
    throw e;
  } finally {
    changes = changesSince(pristine);
    stray = strayProperties();
    restoreBuiltins(pristine);
  }
}

/** Refused, and for a guarded action by the right check: the role first, then the declared fields. */
function expectRefused(r: Result, name: string, caller: (typeof CALLERS)[number]) {
  expect(r?.ok).not.toBe(true);
  expect(r?.done).not.toBe(true);
  const entry = TABLE[name]!;
  if (entry.role === 'public') return;
  const allowed = caller !== 'anonymous' && rolesOf(entry).includes(caller);
  expect(r?.code).toBe(caller === 'anonymous' ? 'unauthenticated' : allowed ? 'invalid_input' : 'forbidden');
}

function expectBuiltinsUntouched() {
  expect(changes).toEqual([]);
  expect(stray).toEqual([]);
}

const cells = [...actions.keys()].sort().flatMap((name) => CALLERS.map((caller) => [name, caller] as const));

describe('X1: hostile field names change nothing shared, whoever posts them', () => {
  it.each(cells)('%s as %s: prototype paths in the form', async (name, caller) => {
    actAs(callers[caller]);
    const r = await answer(() =>
      fnOf(name)(
        null,
        formOf(
          name,
          HOSTILE_NAMES.map((n) => [n, 'polluted']),
        ),
      ),
    );
    if (name !== 'logoutAction') expectRefused(r, name, caller);
    expectBuiltinsUntouched();
  });

  it.each(cells)('%s as %s: a form of 10 000 fields is refused', async (name, caller) => {
    actAs(callers[caller]);
    const many = Array.from(
      { length: 10_000 },
      (_, i) => [i % 1000 === 0 ? HOSTILE_NAMES[(i / 1000) % HOSTILE_NAMES.length]! : `f${i}`, 'x'] as [string, string],
    );
    const r = await answer(() => fnOf(name)(null, formOf(name, many)));
    if (name !== 'logoutAction') expectRefused(r, name, caller);
    expectBuiltinsUntouched();
  });

  const objectActions = [...actions.keys()].filter((n) => !TABLE[n]!.form && TABLE[n]!.own).sort();
  it.each(objectActions.flatMap((name) => CALLERS.map((caller) => [name, caller] as const)))(
    '%s as %s: an object carrying prototype keys',
    async (name, caller) => {
      actAs(callers[caller]);
      const own = TABLE[name]!.own!(ids) as Record<string, unknown>;
      // JSON.parse makes `__proto__` an own key, as a decoded request body would; spreading keeps it own.
      const hostile = { ...(JSON.parse(HOSTILE_JSON) as object), ...own };
      expect(Object.keys(hostile)).toContain('__proto__');
      for (const input of [hostile, { ...own, 'hasOwnProperty.call': 'x', '__proto__.x': 'x' }]) {
        expectRefused(await answer(() => fnOf(name)(input)), name, caller);
        expectBuiltinsUntouched();
      }
    },
  );

  it('a normal request still works afterwards (Anna recomputes her summer PES)', async () => {
    for (const [name, caller] of cells.filter(([n]) => n === 'summerPesFormAction')) {
      actAs(callers[caller]);
      await answer(() =>
        fnOf(name)(
          null,
          formOf(
            name,
            HOSTILE_NAMES.map((n) => [n, 'polluted']),
          ),
        ),
      );
    }
    actAs(callers.family);
    const r = await fnOf('summerPesFormAction')(null, formOf('summerPesFormAction', []));
    // Anna's residual is spent by her earlier PES: the recomputation answers with the figures and a field
    // message, which shows the whole path (guard, parse, service) ran.
    expect(r).toMatchObject({ residualAfterCents: expect.any(Number), values: { voucherId: ids.annaVoucher } });
    expect(r).not.toHaveProperty('code');
    expect(Object.prototype.hasOwnProperty.call({ a: 1 }, 'a')).toBe(true);
  });
});
