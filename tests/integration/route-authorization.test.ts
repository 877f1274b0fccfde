import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, pes, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actAs, useDb } from './support/act-as';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * N1/N2 for route handlers (the layouts do not guard them): ONE table of every `route.ts` under app/,
 * each GET called as anonymous, a family that owns the record, another family, the provider named on
 * the record, another provider, and the office. "Not yours" answers exactly like "does not exist".
 * A new route file missing from the table fails the first test.
 */
type Caller = 'anonymous' | 'marta' | 'anna' | 'prv2' | 'prv1' | 'office';
type Ids = { martaVoucher: string; martaDocument: string };
type Row =
  | {
      kind: 'get';
      url: (i: Ids) => string;
      params?: (i: Ids) => Record<string, string>;
      expect: Record<Caller, number>;
    }
  | { kind: 'covered'; by: string };

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

const ROUTES: Record<string, Row> = {
  'api/auth/[...nextauth]': {
    kind: 'covered',
    by: 'Auth.js sign-in/out; throttling in tests/e2e/access.test.ts and production-hardening.test.ts',
  },
  'api/ping': {
    kind: 'covered',
    by: 'reads the session cookie itself: tests/e2e/production-hardening.test.ts (replayed cookie → 401)',
  },
  'api/documents': {
    kind: 'covered',
    by: 'POST upload: tests/integration/documents.test.ts (owner, strangers, Origin check)',
  },
  'ufficio/amministrazione/importa/carica': {
    kind: 'covered',
    by: 'POST upload: tests/integration/import-routes.test.ts (office only, Origin check)',
  },
  // The probes (R1) need no session and answer everyone alike: 200 with the database up and migrated.
  'api/health': {
    kind: 'get',
    url: () => 'http://localhost/api/health',
    expect: { anonymous: 200, marta: 200, anna: 200, prv2: 200, prv1: 200, office: 200 },
  },
  'api/ready': {
    kind: 'get',
    url: () => 'http://localhost/api/ready',
    expect: { anonymous: 200, marta: 200, anna: 200, prv2: 200, prv1: 200, office: 200 },
  },
  'api/files/[id]': {
    kind: 'get',
    url: (i) => `http://localhost/api/files/${i.martaDocument}`,
    params: (i) => ({ id: i.martaDocument }),
    expect: { anonymous: 401, marta: 200, anna: 404, prv2: 200, prv1: 404, office: 200 },
  },
  'api/ricevute/[id]': {
    kind: 'get',
    url: (i) => `http://localhost/api/ricevute/${i.martaVoucher}`,
    params: (i) => ({ id: i.martaVoucher }),
    expect: { anonymous: 401, marta: 200, anna: 404, prv2: 404, prv1: 404, office: 200 },
  },
  'ufficio/esporta': {
    kind: 'get',
    url: () => 'http://localhost/ufficio/esporta?stato=tutte',
    expect: { anonymous: 401, marta: 403, anna: 403, prv2: 403, prv1: 403, office: 200 },
  },
  'ufficio/amministrazione/importa/modello': {
    kind: 'get',
    url: () => 'http://localhost/ufficio/amministrazione/importa/modello',
    expect: { anonymous: 401, marta: 403, anna: 403, prv2: 403, prv1: 403, office: 200 },
  },
};

/**
 * Every file Next serves as a route handler: route.ts (or .tsx/.js), and the metadata routes written as code
 * (sitemap.ts, robots.ts, opengraph-image.tsx …), listed with their extension so a new one fails the table.
 */
const METADATA_ROUTE =
  /^(sitemap|robots|manifest|icon|apple-icon|opengraph-image|twitter-image)\d*\.(ts|tsx|js|jsx|mjs)$/;
function routeFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full, base);
    const relative = path.relative(base, full).split(path.sep).join('/');
    if (name === 'route.ts') return [path.posix.dirname(relative)];
    return /^route\.(tsx|js|jsx|mjs)$/.test(name) || METADATA_ROUTE.test(name) ? [relative] : [];
  });
}

const modules = import.meta.glob<{
  GET?: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
}>('/app/**/route.ts');

let t: TestDb;
let callers: Record<Caller, Actor | null>;
const ids: Ids = { martaVoucher: '', martaDocument: '' };

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  useDb(t.db);
  const a = await demoActors(t.db);
  callers = { anonymous: null, marta: a.marta, anna: a.anna, prv2: a.prv2, prv1: a.prv1, office: a.office };
  const [v] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003'));
  ids.martaVoucher = v!.id;
  const [d] = await t.db
    .select({ id: documents.id })
    .from(documents)
    .innerJoin(pes, eq(pes.id, documents.pesId))
    .where(eq(pes.voucherId, v!.id));
  ids.martaDocument = d!.id;
});
afterAll(() => t.close());

describe('N1: the route table covers every route handler', () => {
  it('lists exactly the route handlers under app/ (route files and metadata routes)', () => {
    expect(routeFiles(path.join(process.cwd(), 'app')).sort()).toEqual(Object.keys(ROUTES).sort());
  });
});

describe('N1/N2: route handlers authorise every caller themselves', () => {
  const cells = Object.entries(ROUTES).flatMap(([route, row]) =>
    row.kind === 'get'
      ? (Object.keys(row.expect) as Caller[]).map((caller) => [route, caller, row.expect[caller]] as const)
      : [],
  );
  it.each(cells)('GET %s as %s → %i', async (route, caller, status) => {
    const row = ROUTES[route] as Extract<Row, { kind: 'get' }>;
    const mod = await modules[`/app/${route}/route.ts`]!();
    actAs(callers[caller]);
    const res = await mod.GET!(new Request(row.url(ids)), { params: Promise.resolve(row.params?.(ids) ?? {}) });
    await res.arrayBuffer();
    expect(res.status).toBe(status);
  });

  it('answers "not yours" exactly like "does not exist"', async () => {
    for (const route of ['api/files/[id]', 'api/ricevute/[id]'] as const) {
      const mod = await modules[`/app/${route}/route.ts`]!();
      const row = ROUTES[route] as Extract<Row, { kind: 'get' }>;
      actAs(callers.anna);
      const notYours = await mod.GET!(new Request(row.url(ids)), { params: Promise.resolve(row.params!(ids)) });
      const missingIds = { martaVoucher: NO_SUCH_ID, martaDocument: NO_SUCH_ID };
      const missing = await mod.GET!(new Request(row.url(missingIds)), {
        params: Promise.resolve(row.params!(missingIds)),
      });
      expect([notYours.status, await notYours.text()]).toEqual([missing.status, await missing.text()]);
    }
  });
});
