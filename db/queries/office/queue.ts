import 'server-only';
import { and, asc, count, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, users, vouchers } from '@/db/schema';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { encodeCursor, QUEUE_STATUS_FILTER, type OfficeQueueQuery, type QueueFilters } from '@/lib/validation/office-queue';
import type { Page } from '../page';
import type { OfficeScope } from './office-scope';
import { queueWhere } from './queue-filter';

export const QUEUE_PAGE_SIZE = 20;

const rowColumns = {
  id: conversions.id,
  status: conversions.status,
  protocolNumber: conversions.protocolNumber,
  submittedAt: conversions.submittedAt,
  // The exact value (microseconds) for the keyset cursor: a JS Date would round it to milliseconds.
  submittedAtText: sql<string>`${conversions.submittedAt}::text`,
  decidedAt: conversions.decidedAt,
  decisionReason: conversions.decisionReason,
  voucherId: vouchers.id,
  voucherNumber: vouchers.number,
  holderCodiceFiscale: users.codiceFiscale,
  holderGivenName: users.givenName,
  holderFamilyName: users.familyName,
  // Per-row subqueries over pes_conversion_idx: a few rows each, a fixed number of statements per page.
  hasBabysitting: sql<boolean>`exists (select 1 from pes p where p.conversion_id = ${conversions.id} and p.kind = 'babysitting_covid' and p.status <> 'deleted')`,
  hasSummer: sql<boolean>`exists (select 1 from pes p where p.conversion_id = ${conversions.id} and p.kind = 'summer_covid' and p.status <> 'deleted')`,
  newPesCount: sql<number>`(select count(*)::int from pes p where p.conversion_id = ${conversions.id} and p.status <> 'deleted')`,
  newPesCents: sql<number>`(select coalesce(sum(p.amount_cents), 0)::bigint from pes p where p.conversion_id = ${conversions.id} and p.status <> 'deleted')`.mapWith(Number),
  providerNames: sql<string>`(select coalesce(string_agg(distinct pr.name, ', ' order by pr.name), '') from pes p join providers pr on pr.id = p.provider_id where p.conversion_id = ${conversions.id} and p.status <> 'deleted')`,
};

export type QueueRow = {
  id: string;
  status: ConversionStatus;
  protocolNumber: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
  voucherId: string;
  voucherNumber: string;
  holderCodiceFiscale: string;
  holderGivenName: string;
  holderFamilyName: string;
  hasBabysitting: boolean;
  hasSummer: boolean;
  newPesCount: number;
  newPesCents: number;
  providerNames: string;
};

/** Signed conversions with their voucher and family, a fresh builder each call (drizzle builders are mutable). */
function queueRows(db: DbOrTx) {
  return db.select(rowColumns).from(conversions).innerJoin(vouchers, eq(vouchers.id, conversions.voucherId)).innerJoin(users, eq(users.id, vouchers.holderId));
}

const after = (c: { at: string; id: string }) => sql`(${conversions.submittedAt}, ${conversions.id}) > (${c.at}::timestamptz, ${c.id}::uuid)`;
const before = (c: { at: string; id: string }) => sql`(${conversions.submittedAt}, ${conversions.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`;

function toRow(r: Awaited<ReturnType<ReturnType<typeof queueRows>['execute']>>[number]): QueueRow & { cursor: string } {
  const { submittedAtText, ...rest } = r;
  return { ...rest, status: r.status as ConversionStatus, submittedAt: r.submittedAt!, cursor: encodeCursor({ at: submittedAtText, id: r.id }) };
}

/**
 * One keyset batch in queue order (oldest submitted first, then id): used by the page and by the CSV
 * export, which walks the whole result batch by batch. A conversion submitted while someone pages
 * lands after every existing row, so no row is lost or shown twice.
 */
export async function queueBatch(db: DbOrTx, _scope: OfficeScope, f: QueueFilters, cursor: { after?: { at: string; id: string }; before?: { at: string; id: string } }, limit: number) {
  const where: SQL[] = [queueWhere(f)];
  if (cursor.after) where.push(after(cursor.after));
  if (cursor.before) where.push(before(cursor.before));
  const q = queueRows(db).where(and(...where));
  const rows = cursor.before
    ? (await q.orderBy(desc(conversions.submittedAt), desc(conversions.id)).limit(limit)).reverse()
    : await q.orderBy(asc(conversions.submittedAt), asc(conversions.id)).limit(limit);
  return rows.map(toRow);
}

export type QueueCounts = Record<'inviate' | 'da_integrare' | 'convalidate' | 'respinte', number>;

/** The queue page: the rows, how many match, the per-status counts of the tabs, in one round of parallel statements. */
export async function officeQueue(db: DbOrTx, scope: OfficeScope, query: OfficeQueueQuery): Promise<Page<QueueRow & { cursor: string }> & { counts: QueueCounts }> {
  const limit = QUEUE_PAGE_SIZE + 1;
  const [batch, [total], byStatus] = await Promise.all([
    queueBatch(db, scope, query, { after: query.prima ? undefined : query.dopo, before: query.prima }, limit),
    db.select({ n: count() }).from(conversions).innerJoin(vouchers, eq(vouchers.id, conversions.voucherId)).innerJoin(users, eq(users.id, vouchers.holderId)).where(queueWhere(query)),
    db.select({ status: conversions.status, n: count() }).from(conversions).where(isNotNull(conversions.submittedAt)).groupBy(conversions.status),
  ]);
  const more = batch.length > QUEUE_PAGE_SIZE;
  // Going back, the extra row is the oldest one (the front); going forward it is the last one.
  const rows = query.prima ? batch.slice(more ? 1 : 0) : batch.slice(0, QUEUE_PAGE_SIZE);
  const hasNext = query.prima ? true : more;
  const hasPrev = query.prima ? more : Boolean(query.dopo);
  const counts = Object.fromEntries(
    Object.entries(QUEUE_STATUS_FILTER).map(([tab, statuses]) => [tab, byStatus.filter((s) => (statuses as readonly string[]).includes(s.status)).reduce((a, s) => a + s.n, 0)]),
  ) as QueueCounts;
  return {
    rows,
    total: total?.n ?? 0,
    nextCursor: hasNext && rows.length ? rows[rows.length - 1]!.cursor : null,
    prevCursor: hasPrev && rows.length ? rows[0]!.cursor : null,
    counts,
  };
}
