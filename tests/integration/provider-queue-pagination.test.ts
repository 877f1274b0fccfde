import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pes } from '@/db/schema';
import { PES_COUNT_CAP, PES_LIST_PAGE_SIZE, providerPesTotal, searchProviderPes } from '@/db/queries/provider-pes-list';
import { providerQueues } from '@/db/queries/provider-queues';
import { createFamilyWithVoucher, createProvider } from './support/builders';
import { freshDb, type TestDb } from './support/test-db';

// Issue 12, P3: when 5 % of a provider's 20 000 families ask to close at once, the dashboard showed
// a thousand cards on one page. Each queue is now paginated (?chiusure=, ?validazioni=), soonest due first
// (issue 19; here the due dates follow the request times).
let t: TestDb;
let prv1 = '';
let prv2 = '';
const CLOSING = 45;
const VALIDATING = 23;
let closeCodes: string[] = [];
let validationCodes: string[] = [];

beforeAll(async () => {
  t = await freshDb();
  const [one, two] = [await createProvider(t.db), await createProvider(t.db)];
  prv1 = one.id;
  prv2 = two.id;
  const base = Date.parse('2026-11-01T08:00:00Z');
  // Inserted in reverse queue order, so a page that came out in insertion order would be caught.
  await createFamilyWithVoucher(t.db, {
    pes: [
      ...Array.from({ length: CLOSING }, (_, i) => ({
        provider: one,
        band: 'A' as const,
        status: 'close_requested' as const,
        closeRequestedAt: new Date(base + (CLOSING - i) * 60_000),
      })),
      ...Array.from({ length: VALIDATING }, (_, i) => ({
        provider: one,
        kind: 'summer_covid' as const,
        status: 'awaiting_validation' as const,
        validationRequestedAt: new Date(base + (VALIDATING - i) * 60_000),
      })),
      // The other provider's requests, which prv1's queues must not show.
      { provider: two, status: 'close_requested' as const, closeRequestedAt: new Date(base) },
      {
        provider: two,
        kind: 'summer_covid' as const,
        status: 'awaiting_validation' as const,
        validationRequestedAt: new Date(base),
      },
    ],
  });
  const all = await t.db
    .select({
      code: pes.code,
      status: pes.status,
      providerId: pes.providerId,
      closeAt: pes.closeRequestedAt,
      validationAt: pes.validationRequestedAt,
    })
    .from(pes);
  const byTime = (a: [number, string], b: [number, string]) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1);
  closeCodes = all
    .filter((p) => p.providerId === prv1 && p.status === 'close_requested')
    .map((p) => [p.closeAt!.getTime(), p.code] as [number, string])
    .sort(byTime)
    .map(([, c]) => c);
  validationCodes = all
    .filter((p) => p.providerId === prv1 && p.status === 'awaiting_validation')
    .map((p) => [p.validationAt!.getTime(), p.code] as [number, string])
    .sort(byTime)
    .map(([, c]) => c);
});
afterAll(() => t.close());

async function walk(which: 'closeRequests' | 'validations') {
  const seen: string[] = [];
  const first = await providerQueues(t.db, prv1);
  for (let page = 1; page <= first[which].pages; page++) {
    const q = await providerQueues(
      t.db,
      prv1,
      which === 'closeRequests' ? { closePage: page } : { validationPage: page },
    );
    expect(q[which].page).toBe(page);
    expect(q[which].rows.length).toBeLessThanOrEqual(20);
    seen.push(...q[which].rows.map((r) => r.code));
  }
  return { first, seen };
}

describe('the provider dashboard queues, page by page', () => {
  it('shows at most 20 close requests a page, oldest first, every one exactly once, with the full count', async () => {
    expect(closeCodes.length).toBeGreaterThanOrEqual(CLOSING);
    const { first, seen } = await walk('closeRequests');
    expect(first.closeRequests.total).toBe(closeCodes.length);
    expect(first.closeRequests.rows).toHaveLength(20);
    expect(first.closeRequests.pages).toBe(Math.ceil(closeCodes.length / 20));
    expect(seen).toEqual(closeCodes);
  });

  it('shows at most 20 PES to validate a page, oldest request first, every one exactly once, with the full count', async () => {
    expect(validationCodes.length).toBeGreaterThanOrEqual(VALIDATING);
    const { first, seen } = await walk('validations');
    expect(first.validations.total).toBe(validationCodes.length);
    expect(first.validations.rows).toHaveLength(20);
    expect(seen).toEqual(validationCodes);
  });

  it('moves one queue without moving the other', async () => {
    const q = await providerQueues(t.db, prv1, { closePage: 2 });
    expect(q.closeRequests.rows.map((r) => r.code)).toEqual(closeCodes.slice(20, 40));
    expect(q.validations.page).toBe(1);
    expect(q.validations.rows.map((r) => r.code)).toEqual(validationCodes.slice(0, 20));
  });

  it('answers a page past the end with no rows', async () => {
    const q = await providerQueues(t.db, prv1, { closePage: 99 });
    expect(q.closeRequests.rows).toEqual([]);
    expect(q.closeRequests.total).toBe(closeCodes.length);
  });

  it('never shows another provider its queue', async () => {
    const q = await providerQueues(t.db, prv2);
    const mine = new Set([...closeCodes, ...validationCodes]);
    expect([...q.closeRequests.rows, ...q.validations.rows].filter((r) => mine.has(r.code))).toEqual([]);
  });

  it('pages "Tutti i PES" too: pages are disjoint and add up to the count', async () => {
    const first = await searchProviderPes(t.db, prv1, {});
    expect(first.totalExact).toBe(true);
    const codes: string[] = [];
    let page = 1;
    for (let r = first; ; r = await searchProviderPes(t.db, prv1, { page: ++page })) {
      expect(r.rows.length).toBeLessThanOrEqual(PES_LIST_PAGE_SIZE);
      codes.push(...r.rows.map((x) => x.code));
      if (!r.hasNext) break;
    }
    expect(page).toBe(first.pages);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(first.total);
    expect(first.total).toBeGreaterThan(PES_LIST_PAGE_SIZE);
  });

  it('stops counting past PES_COUNT_CAP and still offers the next page', async () => {
    const prv3 = (await createProvider(t.db)).id;
    await createFamilyWithVoucher(t.db, {
      pes: Array.from({ length: PES_COUNT_CAP + 5 }, () => ({
        provider: { id: prv3 },
        band: 'A' as const,
        hours: 1,
        amountCents: 100,
      })),
    });
    const first = await searchProviderPes(t.db, prv3, {});
    expect(first).toMatchObject({ total: PES_COUNT_CAP, totalExact: false, pages: null, hasNext: true });
    expect(first.rows).toHaveLength(PES_LIST_PAGE_SIZE);
    expect(await providerPesTotal(t.db, prv3)).toEqual({ total: PES_COUNT_CAP, exact: false });
    // Past the count's cap the last page is not known: the page after the real last one is empty, with no next.
    const past = await searchProviderPes(t.db, prv3, { page: Math.ceil((PES_COUNT_CAP + 5) / PES_LIST_PAGE_SIZE) + 1 });
    expect(past).toMatchObject({ rows: [], hasNext: false });
  });
});
