import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { seedDemoData } from '@/db/seed/seed';
import { bandsForChild } from '@/lib/domain/bands';
import { TODAY } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

const TABLES = ['users', 'providers', 'providerMeasures', 'vouchers', 'children', 'pes', 'pesChildren', 'conversions', 'documents', 'measureParameters', 'auditEvents'] as const;

async function counts() {
  const out: Record<string, number> = {};
  for (const name of TABLES) {
    const [row] = await t.db.select({ n: count() }).from(schema[name]);
    out[name] = row!.n;
  }
  return out;
}

describe('demo data', () => {
  it('seeds the spec’s accounts and vouchers, and a second run changes nothing', async () => {
    await seedDemoData(t.db, TODAY);
    const first = await counts();
    expect(first.users).toBe(7);
    expect(first.providers).toBe(3);
    expect(first.vouchers).toBe(4);
    expect(first.conversions).toBe(1);
    await seedDemoData(t.db, TODAY);
    expect(await counts()).toEqual(first);
  });

  it('gives children birth dates whose bands match the demo PES whatever the day', async () => {
    const rows = await t.db.select().from(schema.children);
    const byName = new Map(rows.map((c) => [`${c.givenName} ${c.familyName}`, c]));
    expect(bandsForChild(byName.get('Luca Rossi')!.birthDate, false, TODAY)).toEqual(['A']);
    expect(bandsForChild(byName.get('Sofia Rossi')!.birthDate, false, TODAY)).toEqual(['B']);
    expect(bandsForChild(byName.get('Marco Bianchi')!.birthDate, false, TODAY)).toEqual(['C']);
  });

  it('leaves Anna’s three PES open and Giulia’s closed with 1.200,00 € freed', async () => {
    const pes = await t.db.select().from(schema.pes);
    const code = (c: string) => pes.find((p) => p.code === c)!;
    expect(['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'].map((c) => code(c).status)).toEqual(['active', 'active', 'active']);
    const g = code('BS-2020-0002/1');
    expect(g.amountCents - (g.usedCents ?? 0)).toBe(120_000);
  });
});

describe('database constraints', () => {
  it('allows one conversion per voucher, ever', async () => {
    const [v] = await t.db.select().from(schema.vouchers).where(eq(schema.vouchers.number, 'BS-2020-0001'));
    await t.db.insert(schema.conversions).values({ voucherId: v!.id });
    await expect(t.db.insert(schema.conversions).values({ voucherId: v!.id })).rejects.toThrow();
    const [row] = await t.db.select({ n: count() }).from(schema.conversions).where(eq(schema.conversions.voucherId, v!.id));
    expect(row!.n).toBe(1);
  });

  it('refuses a used amount above the charged amount and negative amounts', async () => {
    const [p] = await t.db.select().from(schema.pes).where(eq(schema.pes.code, 'BS-2020-0001/2'));
    await expect(t.db.update(schema.pes).set({ usedCents: p!.amountCents + 1 }).where(eq(schema.pes.id, p!.id))).rejects.toThrow();
    await expect(t.db.update(schema.pes).set({ amountCents: -1 }).where(eq(schema.pes.id, p!.id))).rejects.toThrow();
    await expect(t.db.update(schema.pes).set({ status: 'closed' }).where(eq(schema.pes.id, p!.id))).rejects.toThrow();
  });
});
