import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProviderPes, pageNumber } from '@/db/queries/provider-pes';
import { providerPesTotal, searchProviderPes } from '@/db/queries/provider-pes-list';
import { providerQueues } from '@/db/queries/provider-queues';
import { createFamilyWithVoucher, createProvider } from './support/builders';
import { freshDb, type TestDb } from './support/test-db';

let t: TestDb;
let prv1 = '';
const ids: Record<'draft' | 'deleted' | 'asked', string> = { draft: '', deleted: '', asked: '' };
let number = '';
let asked = '';
let cf = '';

beforeAll(async () => {
  t = await freshDb();
  prv1 = (await createProvider(t.db)).id;
  const kinds = { kind: 'summer_covid', provider: { id: prv1 } } as const;
  const built = await createFamilyWithVoucher(t.db, {
    pes: [
      { ...kinds, status: 'draft' },
      { ...kinds, status: 'deleted' },
      { ...kinds, status: 'awaiting_validation', validationRequestedAt: new Date() },
    ],
  });
  [ids.draft, ids.deleted, ids.asked] = built.pes.map((p) => p.id) as [string, string, string];
  number = built.voucher.number;
  asked = built.pes[2]!.code;
  cf = built.family.codiceFiscale;
});
afterAll(() => t.close());

describe('what a provider sees of new PES', () => {
  it('shows a PES once the family asks for validation, never a draft or a deleted one', async () => {
    const all = await searchProviderPes(t.db, prv1, { q: number });
    expect(all.rows.map((r) => r.code)).toEqual([asked]);
    expect(all.total).toBe(1);
    expect(await getProviderPes(t.db, prv1, ids.draft)).toBeNull();
    expect(await getProviderPes(t.db, prv1, ids.deleted)).toBeNull();
    expect(await getProviderPes(t.db, prv1, ids.asked)).not.toBeNull();
    const queues = await providerQueues(t.db, prv1);
    expect(queues.validations.rows.map((r) => r.code)).toContain(asked);
    expect(queues.validations.total).toBe(queues.validations.rows.length);
    const everything = await searchProviderPes(t.db, prv1, {});
    expect(await providerPesTotal(t.db, prv1)).toEqual({ total: everything.total, exact: true });
  });

  it('loads no field the pages do not show', async () => {
    const row = await getProviderPes(t.db, prv1, ids.asked);
    expect(row!.children).toHaveLength(1);
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

  it('answers a huge page number with the last page, not an error', async () => {
    const r = await searchProviderPes(t.db, prv1, { page: pageNumber('123456789') });
    expect(r.page).toBe(1);
    expect(r.rows.map((x) => x.code)).toEqual([asked]);
  });
});

describe('the provider search', () => {
  it('finds PES by a prefix of the family codice fiscale, the voucher number or the PES code, typed in any case and with spaces', async () => {
    const byCf = await searchProviderPes(t.db, prv1, {
      q: `${cf.slice(0, 3).toLowerCase()} ${cf.slice(3, 8).toLowerCase()}`,
    });
    expect(byCf.q).toBe(cf.slice(0, 8));
    expect(byCf.rows.map((r) => r.code)).toContain(asked);
    expect(byCf.rows.every((r) => r.familyCodiceFiscale.startsWith(cf.slice(0, 8)))).toBe(true);
    const byVoucher = await searchProviderPes(t.db, prv1, { q: number.toLowerCase() });
    expect(byVoucher.rows.map((r) => r.code)).toEqual([asked]);
    const byCode = await searchProviderPes(t.db, prv1, { q: `${number}/` });
    expect(byCode.rows.map((r) => r.code)).toEqual([asked]);
  });

  it('matches from the start only, and takes % and _ literally', async () => {
    expect((await searchProviderPes(t.db, prv1, { q: cf.slice(3, 8) })).total).toBe(0);
    expect((await searchProviderPes(t.db, prv1, { q: '%' })).total).toBe(0);
    expect((await searchProviderPes(t.db, prv1, { q: number.replace('-', '_') })).total).toBe(0);
  });
});
