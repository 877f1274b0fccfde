import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST as uploadDocument } from '@/app/api/documents/route';
import { GET as importTemplate } from '@/app/ufficio/amministrazione/importa/modello/route';
import { POST as uploadImport } from '@/app/ufficio/amministrazione/importa/carica/route';
import type { Actor } from '@/lib/auth/actor';
import { builtinsSnapshot, changesSince, restoreBuiltins, type BuiltinsSnapshot } from '../support/builtins-snapshot';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * X1 for the route handlers that read a posted form (the uploads): field names that walk into prototypes,
 * and 10 000 fields, posted by every kind of caller, leave the shared built-ins as they were, answer without
 * a server error, and the next request is served. (The server actions have their own table:
 * action-hostile-input.test.ts; Auth.js's callback is posted to in tests/e2e/production-hardening.test.ts.)
 */
const HOSTILE = [
  '__proto__.x',
  'constructor.prototype.x',
  'prototype.x',
  'toString.x',
  'hasOwnProperty.call',
  'valueOf.x',
  '0.__proto__.x',
  'a.b.c.d.e.f',
];
const BASE = 'http://localhost:3000';

function hostileForm(fields: 'names' | 'many', file: File): FormData {
  const form = new FormData();
  if (fields === 'names') for (const name of HOSTILE) form.append(name, 'polluted');
  else for (let i = 0; i < 10_000; i++) form.append(`f${i}`, 'x');
  form.append('voucherId', '00000000-0000-4000-8000-000000000000');
  form.append('pesId', '00000000-0000-4000-8000-000000000000');
  form.append('file', file);
  return form;
}

const post = (route: (r: Request) => Promise<Response>, url: string, form: FormData) =>
  route(
    new Request(url, {
      method: 'POST',
      body: form,
      headers: { host: 'localhost:3000', origin: BASE, accept: 'application/json' },
    }),
  );

let t: TestDb;
let actors: Awaited<ReturnType<typeof demoActors>>;
let before: BuiltinsSnapshot;
beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  actors = await demoActors(t.db);
  before = builtinsSnapshot();
});
afterEach(() => restoreBuiltins(before));
afterAll(() => t.close());

const callers = (): [string, Actor | null][] => [
  ['anonymous', null],
  ['family', actors.anna],
  ['provider', actors.prv1],
  ['office', actors.office],
];
const routes = [
  {
    name: 'POST /api/documents',
    call: (form: FormData) => post(uploadDocument, `${BASE}/api/documents`, form),
    file: () => new File(['%PDF-1.4\n%%EOF\n'], 'a.pdf', { type: 'application/pdf' }),
  },
  {
    name: 'POST /ufficio/amministrazione/importa/carica',
    call: (form: FormData) => post(uploadImport, `${BASE}/ufficio/amministrazione/importa/carica`, form),
    file: () => new File(['numero_buono;\nx;\n'], 'buoni.csv', { type: 'text/csv' }),
  },
];

describe('X1: hostile field names posted to the upload routes', () => {
  for (const route of routes) {
    for (const kind of ['names', 'many'] as const) {
      it(`${route.name} with ${kind === 'names' ? 'prototype-path names' : '10 000 fields'}, as every caller`, async () => {
        for (const [who, actor] of callers()) {
          actAs(actor);
          const res = await route.call(hostileForm(kind, route.file()));
          expect(res.status, `${who}: ${res.status}`).toBeLessThan(500);
          expect(changesSince(before), who).toEqual([]);
          expect(({} as Record<string, unknown>).x).toBeUndefined();
          expect(([] as unknown as Record<string, unknown>).x).toBeUndefined();
        }
      });
    }
  }

  it('leaves the next request served: the office downloads the import template', async () => {
    actAs(actors.office);
    const res = await importTemplate();
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('numero_buono');
  });
});
