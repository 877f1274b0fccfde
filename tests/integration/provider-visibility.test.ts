import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversions, pes, providers, vouchers } from '@/db/schema';
import { getProviderPes, pageNumber, providerPesTotal, providerQueues, searchProviderPes } from '@/db/queries/provider-pes';
import { seeded } from './support/fixtures';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let prv1 = '';
const ids: Record<'draft' | 'deleted' | 'asked', string> = { draft: '', deleted: '', asked: '' };

beforeAll(async () => {
  t = await freshDb();
  await seeded(t.db);
  prv1 = (await t.db.select().from(providers).where(eq(providers.code, 'PRV1')))[0]!.id;
  const [marta] = await t.db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0003'));
  const [conv] = await t.db.select().from(conversions).where(eq(conversions.voucherId, marta!.id));
  for (const [name, status, n] of [
    ['draft', 'draft', 91],
    ['deleted', 'deleted', 92],
    ['asked', 'awaiting_validation', 93],
  ] as const) {
    const [row] = await t.db
      .insert(pes)
      .values({ code: `BS-2020-0003/${n}`, voucherId: marta!.id, conversionId: conv!.id, providerId: prv1, kind: 'summer_covid', band: 'C', hours: 10, amountCents: 10_000, status, validationRequestedAt: status === 'awaiting_validation' ? new Date() : null })
      .returning({ id: pes.id });
    ids[name] = row!.id;
  }
});
afterAll(() => t.close());

describe('what a provider sees of new PES', () => {
  it('shows a PES once the family asks for validation, never a draft or a deleted one', async () => {
    const all = await searchProviderPes(t.db, prv1, { q: 'BS-2020-0003' });
    expect(all.rows.map((r) => r.code)).toEqual(['BS-2020-0003/93']);
    expect(all.total).toBe(1);
    expect(await getProviderPes(t.db, prv1, ids.draft)).toBeNull();
    expect(await getProviderPes(t.db, prv1, ids.deleted)).toBeNull();
    expect(await getProviderPes(t.db, prv1, ids.asked)).not.toBeNull();
    const queues = await providerQueues(t.db, prv1);
    expect(queues.validations.rows.map((r) => r.code)).toContain('BS-2020-0003/93');
    expect(queues.validations.total).toBe(queues.validations.rows.length);
    const everything = await searchProviderPes(t.db, prv1, {});
    expect(await providerPesTotal(t.db, prv1)).toEqual({ total: everything.total, exact: true });
  });

  it('loads no field the pages do not show', async () => {
    const row = await getProviderPes(t.db, prv1, ids.asked);
    for (const child of row!.children) expect(child).not.toHaveProperty('disability');
  });

  it.each([
    ['1e400', 1],
    ['-5', 1],
    ['abc', 1],
    ['3', 3],
    ['99999999999', 1],
    ['123456789', 10_000],
    [undefined, 1],
    [['2', '3'], 1],
  ])('reads ?pagina=%j as page %i', (raw, page) => {
    expect(pageNumber(raw)).toBe(page);
  });

  it('answers a huge page number with an empty page, not an error', async () => {
    const r = await searchProviderPes(t.db, prv1, { page: pageNumber('123456789') });
    expect(r.rows).toEqual([]);
  });
});

describe('the provider search', () => {
  it('finds PES by a prefix of the family codice fiscale, the voucher number or the PES code, typed in any case and with spaces', async () => {
    const byCf = await searchProviderPes(t.db, prv1, { q: 'vrd mrt82' });
    expect(byCf.q).toBe('VRDMRT82');
    expect(byCf.rows.map((r) => r.code)).toContain('BS-2020-0003/93');
    expect(byCf.rows.every((r) => r.familyCodiceFiscale.startsWith('VRDMRT82'))).toBe(true);
    const byVoucher = await searchProviderPes(t.db, prv1, { q: 'bs-2020-0003' });
    expect(byVoucher.rows.map((r) => r.code)).toEqual(['BS-2020-0003/93']);
    const byCode = await searchProviderPes(t.db, prv1, { q: 'BS-2020-0003/9' });
    expect(byCode.rows.map((r) => r.code)).toEqual(['BS-2020-0003/93']);
  });

  it('matches from the start only, and takes % and _ literally', async () => {
    expect((await searchProviderPes(t.db, prv1, { q: 'MRT82' })).total).toBe(0);
    expect((await searchProviderPes(t.db, prv1, { q: '%' })).total).toBe(0);
    expect((await searchProviderPes(t.db, prv1, { q: 'BS_2020' })).total).toBe(0);
  });
});
