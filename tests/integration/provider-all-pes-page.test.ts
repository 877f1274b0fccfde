import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ProviderAllPes from '@/app/erogatore/pes/page';
import { PES_LIST_PAGE_SIZE } from '@/db/queries/provider-pes-list';
import type { Actor } from '@/lib/auth/actor';
import { useDb } from './support/act-as';
import { createFamilyWithVoucher, createProvider } from './support/builders';
import { freshDb, type TestDb } from './support/test-db';

// The page calls requireRole('provider'): here it answers the provider clerk the test chose.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/current-actor', () => ({
  currentActor: async () => session.actor,
  currentUserName: async () => null,
  requireRole: async () => session.actor,
}));

// Issue 20: "Tutti i PES" left the dashboard for its own page, 25 rows a page; any ?pagina= is a page.
let t: TestDb;
let mine: string[] = [];
let theirs: string[] = [];
const MINE = PES_LIST_PAGE_SIZE * 2 + 3;

beforeAll(async () => {
  t = await freshDb();
  useDb(t.db);
  const [one, two] = [await createProvider(t.db), await createProvider(t.db)];
  session.actor = one.staff;
  const a = await createFamilyWithVoucher(t.db, {
    pes: Array.from({ length: MINE }, () => ({ provider: one, band: 'A' as const, hours: 1, amountCents: 100 })),
  });
  const b = await createFamilyWithVoucher(t.db, {
    pes: [
      { provider: two, band: 'A' as const },
      { provider: two, status: 'close_requested' as const },
    ],
  });
  mine = a.pes.map((p) => p.code);
  theirs = b.pes.map((p) => p.code);
});
afterAll(() => t.close());

async function render(query: Record<string, string | string[]>) {
  return renderToStaticMarkup(await ProviderAllPes({ searchParams: Promise.resolve(query) }));
}
const codesIn = (html: string) => [...html.matchAll(/>PES (BS-T[A-Z]+\/\d+)</g)].map((m) => m[1]!);
const currentPage = (html: string) => /aria-current="page"[^>]*>(\d+)</.exec(html)?.[1];

describe('the "Tutti i PES" page', () => {
  it('shows a page of the provider’s own PES, never another provider’s, and every one once across the pages', async () => {
    const seen: string[] = [];
    for (const pagina of ['1', '2', '3']) {
      const html = await render({ pagina });
      expect(currentPage(html)).toBe(pagina);
      expect(html).toContain(`pagina ${pagina} di 3`);
      seen.push(...codesIn(html));
      for (const code of theirs) expect(html).not.toContain(code);
    }
    expect(seen.sort()).toEqual([...mine].sort());
  });

  it('links each row once, to the PES page, with the action in its name', async () => {
    const html = await render({});
    expect(codesIn(html)).toHaveLength(PES_LIST_PAGE_SIZE);
    expect(html.match(/href="\/erogatore\/pes\/[0-9a-f-]{36}"/g)).toHaveLength(PES_LIST_PAGE_SIZE);
    expect(html).toContain('<span class="sr-only">Dettagli: </span>PES ');
    expect(html).toContain('<caption class="sr-only">Tutti i PES, dal più recente</caption>');
    expect(html).toContain('rel="next"');
    expect(html).not.toContain('rel="prev"');
  });

  it.each([
    ['garbage', 'abc', '1'],
    ['negative', '-4', '1'],
    ['zero', '0', '1'],
    ['a fraction', '2.5', '1'],
    ['two values', ['2', '3'], '1'],
    ['past the end', '4', '3'],
    ['huge', '99999999999999999999', '1'],
    ['beyond the allowed pages', '123456789', '3'],
  ])('reads ?pagina= %s as a page it can show (page %s → %s)', async (_what, pagina, expected) => {
    const html = await render({ pagina });
    expect(currentPage(html)).toBe(expected);
    expect(codesIn(html).length).toBeGreaterThan(0);
  });

  it('searches only the provider’s own PES: another provider’s code finds nothing', async () => {
    const html = await render({ q: theirs[0]! });
    expect(codesIn(html)).toEqual([]);
    expect(html).toContain('Nessun PES corrisponde alla ricerca.');
    const own = await render({ q: mine[0]!.split('/')[0]! });
    expect(codesIn(own)).toHaveLength(PES_LIST_PAGE_SIZE);
  });
});
