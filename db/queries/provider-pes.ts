import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, documents, pes, pesChildren, users, vouchers } from '@/db/schema';

const PAGE_SIZE = 20;
/** Far beyond any real list; keeps OFFSET a small integer whatever `?pagina=` says (1e400, -5, abc). */
const MAX_PAGE = 10_000;

/**
 * A provider sees a new PES only once the family has asked it to validate it: drafts (with the
 * family's codice fiscale and children) and deleted ones are the family's own business.
 */
export const NOT_YET_ASKED = ['draft', 'deleted'] as const;
const namingProvider = (providerId: string) =>
  and(eq(pes.providerId, providerId), notInArray(pes.status, [...NOT_YET_ASKED]));

/** `?pagina=` as a page number: an integer from 1 to MAX_PAGE, anything else is page 1 or the last allowed. */
export function pageNumber(raw: unknown): number {
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : 1;
  return Number.isSafeInteger(n) ? Math.min(MAX_PAGE, Math.max(1, n)) : 1;
}

const pesColumns = {
  id: pes.id,
  code: pes.code,
  kind: pes.kind,
  band: pes.band,
  hours: pes.hours,
  amountCents: pes.amountCents,
  usedCents: pes.usedCents,
  hoursUsed: pes.hoursUsed,
  status: pes.status,
  closeRequestedAt: pes.closeRequestedAt,
  validationRequestedAt: pes.validationRequestedAt,
  closeDueAt: pes.closeDueAt,
  validationDueAt: pes.validationDueAt,
  createdAt: pes.createdAt,
  rejectionReason: pes.rejectionReason,
  voucherId: vouchers.id,
  voucherNumber: vouchers.number,
  familyGivenName: users.givenName,
  familyFamilyName: users.familyName,
  familyCodiceFiscale: users.codiceFiscale,
  documentId: documents.id,
  documentName: documents.fileName,
  documentSize: documents.sizeBytes,
};

/** PES rows with their voucher and family, a fresh builder each call (drizzle builders are mutable). */
function pesWithFamily(db: DbOrTx) {
  // documents.pes_id is unique among current (not detached) PDFs: the left join adds at most one.
  return db
    .select(pesColumns)
    .from(pes)
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .leftJoin(documents, and(eq(documents.pesId, pes.id), isNull(documents.detachedAt)));
}

async function withChildren<T extends { id: string }>(db: DbOrTx, rows: T[]) {
  if (!rows.length) return [];
  const kids = await db
    .select({
      pesId: pesChildren.pesId,
      givenName: children.givenName,
      familyName: children.familyName,
      birthDate: children.birthDate,
    })
    .from(pesChildren)
    .innerJoin(children, eq(children.id, pesChildren.childId))
    .where(
      inArray(
        pesChildren.pesId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(children.position));
  return rows.map((r) => ({ ...r, children: kids.filter((k) => k.pesId === r.id) }));
}

/** One numbered page of a provider's list: the rows (with their children), how many match, which page of how many. */
export type NumberedPage<T> = { rows: T[]; total: number; page: number; pages: number };

const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE_SIZE));

/** How many PES wait in each queue: two counts over pes_provider_status_idx (index-only), never over the joined family rows. */
async function queueCounts(db: DbOrTx, providerId: string) {
  const [[close], [validation]] = await Promise.all([
    db
      .select({ n: count() })
      .from(pes)
      .where(and(eq(pes.providerId, providerId), eq(pes.status, 'close_requested'))),
    db
      .select({ n: count() })
      .from(pes)
      .where(and(eq(pes.providerId, providerId), eq(pes.status, 'awaiting_validation'))),
  ]);
  return { close: close?.n ?? 0, validation: validation?.n ?? 0 };
}

/**
 * Counting PES stops here, as in the office queue: "more than 1 000" is all a clerk needs, and a count
 * that reads at most COUNT_CAP + 1 index entries costs the same at 1 000 and at 100 000 PES (P3).
 */
export const PES_COUNT_CAP = 1000;

export type CappedCount = { total: number; exact: boolean };

async function cappedCount(db: DbOrTx, where: SQL | undefined): Promise<CappedCount> {
  const matching = db
    .select({ one: sql`1` })
    .from(pes)
    .where(where)
    .limit(PES_COUNT_CAP + 1)
    .as('matching');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matching);
  const n = row?.n ?? 0;
  return { total: Math.min(n, PES_COUNT_CAP), exact: n <= PES_COUNT_CAP };
}

/** How many PES name the provider, up to PES_COUNT_CAP (the dashboard's summary; the same as an unfiltered searchProviderPes). */
export function providerPesTotal(db: DbOrTx, providerId: string): Promise<CappedCount> {
  return cappedCount(db, namingProvider(providerId));
}

/**
 * What waits for this provider, soonest due first (issue 19; a step older than the terms, without a due
 * date, comes last), one page of each queue (`?chiusure=`, `?validazioni=`): 5 % of 20 000 families asking
 * to close at once is a thousand cards, too many for one page. Each page walks its own index in queue
 * order (pes_provider_close_due_idx, pes_provider_validation_due_idx).
 * Always filtered by the provider: a provider sees only PES naming it.
 */
export async function providerQueues(
  db: DbOrTx,
  providerId: string,
  opts: { closePage?: number; validationPage?: number } = {},
) {
  const closePage = pageNumber(opts.closePage ?? 1);
  const validationPage = pageNumber(opts.validationPage ?? 1);
  const [closeRows, validationRows, counts] = await Promise.all([
    pesWithFamily(db)
      .where(and(eq(pes.providerId, providerId), eq(pes.status, 'close_requested')))
      .orderBy(asc(pes.closeDueAt), asc(pes.code))
      .limit(PAGE_SIZE)
      .offset((closePage - 1) * PAGE_SIZE),
    pesWithFamily(db)
      .where(and(eq(pes.providerId, providerId), eq(pes.status, 'awaiting_validation')))
      .orderBy(asc(pes.validationDueAt), asc(pes.code))
      .limit(PAGE_SIZE)
      .offset((validationPage - 1) * PAGE_SIZE),
    queueCounts(db, providerId),
  ]);
  const [closeRequests, validations] = await Promise.all([
    withChildren(db, closeRows),
    withChildren(db, validationRows),
  ]);
  return {
    closeRequests: { rows: closeRequests, total: counts.close, page: closePage, pages: pages(counts.close) },
    validations: { rows: validations, total: counts.validation, page: validationPage, pages: pages(counts.validation) },
  };
}

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
function matchingPes(prefix: string) {
  const like = `${escapeLike(prefix)}%`;
  return sql`${pes.id} in (
    select p.id from pes p where p.code like ${like}
    union select p.id from pes p join vouchers v on v.id = p.voucher_id where v.number like ${like}
    union select p.id from pes p join vouchers v on v.id = p.voucher_id join users u on u.id = v.holder_id where u.codice_fiscale like ${like})`;
}

/**
 * All PES naming the provider, most recently changed first, searchable by a prefix of the family's
 * codice fiscale, the voucher number or the PES code, paginated (`?pagina=`). The page walks
 * pes_provider_updated_idx in order and stops after PAGE_SIZE + 1 rows (the extra one says whether a
 * next page exists); the count reads pes alone and stops at PES_COUNT_CAP, so `pages` is null beyond it.
 */
export async function searchProviderPes(db: DbOrTx, providerId: string, opts: { q?: string; page?: number }) {
  const q = normaliseCodeQuery(opts.q);
  const page = pageNumber(opts.page ?? 1);
  const filter = q ? and(namingProvider(providerId), matchingPes(q)) : namingProvider(providerId);
  const [rows, counted] = await Promise.all([
    pesWithFamily(db)
      .where(filter)
      .orderBy(desc(pes.updatedAt), asc(pes.code))
      .limit(PAGE_SIZE + 1)
      .offset((page - 1) * PAGE_SIZE),
    cappedCount(db, filter),
  ]);
  return {
    rows: await withChildren(db, rows.slice(0, PAGE_SIZE)),
    total: counted.total,
    totalExact: counted.exact,
    page,
    pages: counted.exact ? pages(counted.total) : null,
    hasNext: rows.length > PAGE_SIZE,
    q,
  };
}

export async function getProviderPes(db: DbOrTx, providerId: string, pesId: string) {
  const rows = await pesWithFamily(db).where(and(eq(pes.id, pesId), namingProvider(providerId)));
  const [row] = await withChildren(db, rows);
  return row ?? null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
