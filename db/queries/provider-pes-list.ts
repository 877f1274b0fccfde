import 'server-only';
import { and, asc, desc, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { pes } from '@/db/schema';
import { namingProvider, pageNumber, pesListRows } from './provider-pes';

/** "Tutti i PES" rows per page (its own page since issue 20: compact rows, so more of them than the queues). */
export const PES_LIST_PAGE_SIZE = 25;

/**
 * Counting PES stops here, as in the office queue: "more than 1 000" is all a clerk needs, and a count
 * that reads at most COUNT_CAP + 1 index entries costs the same at 1 000 and at 100 000 PES (P3).
 */
export const PES_COUNT_CAP = 1000;

export type CappedCount = { total: number; exact: boolean };

/** The search box's text as a code prefix: upper case, no spaces (codes and codici fiscali are stored that way). */
export function normaliseCodeQuery(raw: string | undefined): string {
  return (raw ?? '').toUpperCase().replace(/\s+/g, '').slice(0, 40);
}

/**
 * PES whose code, voucher number or family codice fiscale starts with the prefix: a union of three
 * prefix matches on text_pattern_ops indexes (pes_code_prefix_idx, vouchers_number_prefix_idx,
 * users_cf_prefix_idx), never a '%…%' scan over every PES. Codes are typed from the start (a PES code
 * begins with its voucher number), so prefix matching finds what a clerk types.
 */
function matchingPes(like: SQLWrapper) {
  return sql`${pes.id} in (
    select p.id from pes p where p.code like ${like}
    union select p.id from pes p join vouchers v on v.id = p.voucher_id where v.number like ${like}
    union select p.id from pes p join vouchers v on v.id = p.voucher_id join users u on u.id = v.holder_id where u.codice_fiscale like ${like})`;
}

const providerId = sql.placeholder('providerId');
const offset = sql.placeholder('offset');

function listStatements(db: DbOrTx, filter: SQL | undefined, name: string) {
  const matching = db
    .select({ one: sql`1` })
    .from(pes)
    .where(filter)
    .limit(PES_COUNT_CAP + 1)
    .as('matching');
  return {
    // Walks pes_provider_updated_idx in order and stops after a page + 1 rows (the extra one says whether a next page exists).
    rows: pesListRows(db)
      .where(filter)
      .orderBy(desc(pes.updatedAt), asc(pes.code))
      .limit(PES_LIST_PAGE_SIZE + 1)
      .offset(offset)
      .prepare(`provider_pes_${name}_rows`),
    count: db
      .select({ n: sql<number>`count(*)::int` })
      .from(matching)
      .prepare(`provider_pes_${name}_count`),
  };
}

const statements = (db: DbOrTx) => ({
  all: listStatements(db, namingProvider(providerId), 'all'),
  search: listStatements(db, and(namingProvider(providerId), matchingPes(sql.placeholder('like'))), 'search'),
});

const capped = (n: number | undefined): CappedCount => ({
  total: Math.min(n ?? 0, PES_COUNT_CAP),
  exact: (n ?? 0) <= PES_COUNT_CAP,
});

/** How many PES name the provider, up to PES_COUNT_CAP (the dashboard's summary; the same as an unfiltered searchProviderPes). */
export async function providerPesTotal(db: DbOrTx, providerId: string): Promise<CappedCount> {
  const [row] = await prepared(db, 'provider-pes-list', statements).all.count.execute({ providerId });
  return capped(row?.n);
}

/**
 * All PES naming the provider, most recently changed first, searchable by a prefix of the family's
 * codice fiscale, the voucher number or the PES code, paginated (`?pagina=`). The count reads pes alone
 * and stops at PES_COUNT_CAP, so `pages` is null beyond it. A page past the last one, when the last is
 * known, is the last one (an old bookmark, a hand-typed number): never an empty page with no way back.
 */
export async function searchProviderPes(db: DbOrTx, providerId: string, opts: { q?: string; page?: number }) {
  const q = normaliseCodeQuery(opts.q);
  const s = prepared(db, 'provider-pes-list', statements)[q ? 'search' : 'all'];
  const params = { providerId, like: `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
  const pageOf = (page: number) => s.rows.execute({ ...params, offset: (page - 1) * PES_LIST_PAGE_SIZE });
  let page = pageNumber(opts.page ?? 1);
  const [first, [counted]] = await Promise.all([pageOf(page), s.count.execute(params)]);
  let rows = first;
  const count = capped(counted?.n);
  const pages = count.exact ? Math.max(1, Math.ceil(count.total / PES_LIST_PAGE_SIZE)) : null;
  if (pages !== null && page > pages) {
    page = pages;
    rows = await pageOf(page);
  }
  return {
    rows: rows.slice(0, PES_LIST_PAGE_SIZE),
    total: count.total,
    totalExact: count.exact,
    page,
    pages,
    hasNext: rows.length > PES_LIST_PAGE_SIZE,
    q,
  };
}
