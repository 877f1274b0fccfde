import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/open';
import { buildDossier } from '@/db/queries/build-dossier';
import type { OfficeScope } from '@/db/queries/office/office-scope';
import { getOfficeConversionFile } from '@/db/queries/office/conversion-file';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { children, conversions, pes, pesChildren, vouchers } from '@/db/schema';
import { officeScope } from '@/lib/auth/office-scope';
import { demoActors, seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

/**
 * P2: the voucher's pages read a fixed number of SQL statements whatever the number of PES (no query
 * per PES). Counted on the driver client, as tests/bench/recording-db.ts does for the bench.
 */
let t: TestDb;
let statements = 0;
let scope: OfficeScope;
const ids = { anna: '', annaVoucher: '', martaVoucher: '', martaConversion: '' };

function countStatements(db: Db, kind: TestDb['kind']) {
  const client = (db as unknown as { $client: Record<string, (...a: unknown[]) => unknown> }).$client;
  const name = kind === 'pglite' ? 'query' : 'unsafe';
  const original = client[name]!.bind(client);
  client[name] = (...a: unknown[]) => {
    statements++;
    return original(...a);
  };
}

async function counted<T>(read: () => Promise<T>): Promise<{ n: number; value: T }> {
  await read(); // warm: the first call may prepare statements
  statements = 0;
  const value = await read();
  return { n: statements, value };
}

/** Standard PES added to the voucher until it has `total`, each covering the voucher's first child. */
async function growTo(voucherId: string, total: number) {
  const [v] = await t.db.select().from(vouchers).where(eq(vouchers.id, voucherId));
  const existing = await t.db.select().from(pes).where(eq(pes.voucherId, voucherId));
  const [kid] = await t.db
    .select()
    .from(children)
    .where(eq(children.voucherId, voucherId))
    .orderBy(asc(children.position));
  const rows = Array.from({ length: total - existing.length }, (_, i) => ({
    code: `${v!.number}/${100 + i}`,
    voucherId,
    providerId: existing[0]!.providerId,
    kind: 'standard' as const,
    band: 'A',
    hours: 1,
    amountCents: 100,
    status: 'active' as const,
  }));
  const added = await t.db.insert(pes).values(rows).returning({ id: pes.id });
  await t.db.insert(pesChildren).values(added.map((p) => ({ pesId: p.id, childId: kid!.id })));
}

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  const actors = await demoActors(t.db);
  scope = officeScope(actors.office);
  ids.anna = actors.anna.userId;
  const vs = await t.db.select().from(vouchers);
  ids.annaVoucher = vs.find((v) => v.number === 'BS-2020-0001')!.id;
  ids.martaVoucher = vs.find((v) => v.number === 'BS-2020-0003')!.id;
  ids.martaConversion = (
    await t.db.select().from(conversions).where(eq(conversions.voucherId, ids.martaVoucher))
  )[0]!.id;
  countStatements(t.db, t.kind);
});

afterAll(async () => {
  await t?.close();
});

describe('statements read by the voucher pages, 3 PES vs 60 PES', () => {
  it('the family voucher page: the same number, at most 6', async () => {
    const few = await counted(() => getFamilyVoucherFile(t.db, ids.anna, ids.annaVoucher));
    expect(few.value!.pes).toHaveLength(3);
    await growTo(ids.annaVoucher, 60);
    const many = await counted(() => getFamilyVoucherFile(t.db, ids.anna, ids.annaVoucher));
    expect(many.value!.pes).toHaveLength(60);
    expect(many.value!.pes.every((p) => p.children.length > 0)).toBe(true);
    expect(many.n).toBe(few.n);
    expect(few.n).toBeLessThanOrEqual(6);
  });

  it('the office conversion file and the dossier: the same number whatever the PES', async () => {
    const fileFew = await counted(() => getOfficeConversionFile(t.db, scope, ids.martaConversion));
    const dossierFew = await counted(() => buildDossier(t.db, ids.martaConversion));
    const before = fileFew.value!.pes.length;
    await growTo(ids.martaVoucher, 60);
    const fileMany = await counted(() => getOfficeConversionFile(t.db, scope, ids.martaConversion));
    const dossierMany = await counted(() => buildDossier(t.db, ids.martaConversion));
    expect(before).toBeLessThan(10);
    expect(fileMany.value!.pes).toHaveLength(60);
    expect(fileMany.n).toBe(fileFew.n);
    expect(dossierMany.n).toBe(dossierFew.n);
    expect(dossierMany.value!.dossier.closedPes.length).toBe(dossierFew.value!.dossier.closedPes.length);
  });
});
