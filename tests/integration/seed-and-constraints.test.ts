import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { OFFICE_DEMO_PLANS } from '@/db/seed/office-demo';
import { seedDemoData } from '@/db/seed/seed';
import { bandsForChild } from '@/lib/domain/bands';
import { isValidCodiceFiscale } from '@/lib/domain/codice-fiscale';
import { TODAY } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

const TABLES = [
  'users',
  'providers',
  'providerMeasures',
  'vouchers',
  'children',
  'pes',
  'pesChildren',
  'conversions',
  'documents',
  'measureParameters',
  'auditEvents',
] as const;

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
    // The spec's 7 accounts, a second office clerk (for Assegna a) and 4 vouchers, plus one family, voucher
    // and conversion per office demo plan.
    expect(first.users).toBe(8 + OFFICE_DEMO_PLANS.length);
    expect(first.providers).toBe(3);
    expect(first.vouchers).toBe(4 + OFFICE_DEMO_PLANS.length);
    expect(first.conversions).toBe(1 + OFFICE_DEMO_PLANS.length);
    expect(OFFICE_DEMO_PLANS.length).toBeGreaterThanOrEqual(30);
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
    expect(['BS-2020-0001/1', 'BS-2020-0001/2', 'BS-2020-0001/3'].map((c) => code(c).status)).toEqual([
      'active',
      'active',
      'active',
    ]);
    const g = code('BS-2020-0002/1');
    expect(g.amountCents - (g.usedCents ?? 0)).toBe(120_000);
  });
});

describe('office demo data', () => {
  it('gives every signed demo conversion a distinct MPES-<year>-NNNNNN protocol number and valid demo codici fiscali', async () => {
    const convs = await t.db.select().from(schema.conversions);
    const protocols = convs.map((c) => c.protocolNumber).filter(Boolean) as string[];
    expect(protocols).toHaveLength(1 + OFFICE_DEMO_PLANS.length);
    expect(new Set(protocols).size).toBe(protocols.length);
    for (const p of protocols) expect(p).toMatch(/^MPES-\d{4}-\d{6}$/);
    const families = await t.db.select().from(schema.users).where(eq(schema.users.role, 'family'));
    for (const f of families) expect(isValidCodiceFiscale(f.codiceFiscale), f.codiceFiscale).toBe(true);
  });
});

describe('database constraints', () => {
  it('allows one conversion per voucher that is not rejected (a new request only after Respingi)', async () => {
    const [v] = await t.db.select().from(schema.vouchers).where(eq(schema.vouchers.number, 'BS-2020-0001'));
    const [first] = await t.db.insert(schema.conversions).values({ voucherId: v!.id }).returning();
    await expect(t.db.insert(schema.conversions).values({ voucherId: v!.id })).rejects.toThrow();
    const [row] = await t.db
      .select({ n: count() })
      .from(schema.conversions)
      .where(eq(schema.conversions.voucherId, v!.id));
    expect(row!.n).toBe(1);
    await t.db.update(schema.conversions).set({ status: 'rejected' }).where(eq(schema.conversions.id, first!.id));
    await t.db.insert(schema.conversions).values({ voucherId: v!.id });
    await expect(t.db.insert(schema.conversions).values({ voucherId: v!.id })).rejects.toThrow();
    await t.db.delete(schema.conversions).where(eq(schema.conversions.voucherId, v!.id));
  });

  it('refuses a used amount above the charged amount and negative amounts', async () => {
    const [p] = await t.db.select().from(schema.pes).where(eq(schema.pes.code, 'BS-2020-0001/2'));
    await expect(
      t.db
        .update(schema.pes)
        .set({ usedCents: p!.amountCents + 1 })
        .where(eq(schema.pes.id, p!.id)),
    ).rejects.toThrow();
    await expect(t.db.update(schema.pes).set({ amountCents: -1 }).where(eq(schema.pes.id, p!.id))).rejects.toThrow();
    await expect(t.db.update(schema.pes).set({ status: 'closed' }).where(eq(schema.pes.id, p!.id))).rejects.toThrow();
  });
});
