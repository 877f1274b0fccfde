import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { conversionQueueCounts, conversions, pes, providers, users, vouchers } from '@/db/schema';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import {
  encodeCursor,
  ordersByTerm,
  QUEUE_STATUS_FILTER,
  type OfficeQueueQuery,
  type QueueCursor,
  type QueueFilters,
} from './queue-query';
import type { Page } from '../page';
import type { OfficeScope } from './office-scope';
import { queueParams, queueShape, queueWhere } from './queue-filter';

export const QUEUE_PAGE_SIZE = 20;

const assignee = alias(users, 'assignee');

const rowColumns = {
  id: conversions.id,
  status: conversions.status,
  protocolNumber: conversions.protocolNumber,
  submittedAt: conversions.submittedAt,
  // The exact value (microseconds) for the keyset cursor: a JS Date would round it to milliseconds.
  submittedAtText: sql<string>`${conversions.submittedAt}::text`,
  decidedAt: conversions.decidedAt,
  decisionDueAt: conversions.decisionDueAt,
  decisionDueAtText: sql<string | null>`${conversions.decisionDueAt}::text`,
  decisionSuspendedAt: conversions.decisionSuspendedAt,
  decisionReason: conversions.decisionReason,
  voucherId: vouchers.id,
  voucherNumber: vouchers.number,
  holderCodiceFiscale: users.codiceFiscale,
  holderGivenName: users.givenName,
  holderFamilyName: users.familyName,
  assigneeId: conversions.assignedTo,
  assigneeGivenName: assignee.givenName,
  assigneeFamilyName: assignee.familyName,
};

export type QueueRow = {
  id: string;
  status: ConversionStatus;
  protocolNumber: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionDueAt: Date | null;
  decisionSuspendedAt: Date | null;
  decisionReason: string | null;
  voucherId: string;
  voucherNumber: string;
  holderCodiceFiscale: string;
  holderGivenName: string;
  holderFamilyName: string;
  /** Presa in carico: who follows the case, if anyone. */
  assigneeId: string | null;
  assigneeGivenName: string | null;
  assigneeFamilyName: string | null;
  hasBabysitting: boolean;
  hasSummer: boolean;
  newPesCount: number;
  newPesCents: number;
  providerNames: string;
};

/** Signed conversions with their voucher and family, a fresh builder each call (drizzle builders are mutable). */
function queueRows(db: DbOrTx) {
  return db
    .select(rowColumns)
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .leftJoin(assignee, eq(assignee.id, conversions.assignedTo));
}

/**
 * The page's new-PES facts in one grouped statement over pes_conversion_idx (not as per-row subqueries
 * in the select list: those made PostgreSQL evaluate them for every matching row before the LIMIT).
 */
const statements = (db: DbOrTx) => ({
  facts: db
    .select({
      conversionId: pes.conversionId,
      hasBabysitting: sql<boolean>`bool_or(${pes.kind} = 'babysitting_covid')`,
      hasSummer: sql<boolean>`bool_or(${pes.kind} = 'summer_covid')`,
      newPesCount: sql<number>`count(*)::int`,
      newPesCents: sql<number>`coalesce(sum(${pes.amountCents}), 0)::bigint`.mapWith(Number),
      providerNames: sql<string>`string_agg(distinct ${providers.name}, ', ' order by ${providers.name})`,
    })
    .from(pes)
    .innerJoin(providers, eq(providers.id, pes.providerId))
    .where(and(sql`${pes.conversionId} = any(${sql.placeholder('ids')}::uuid[])`, ne(pes.status, 'deleted')))
    .groupBy(pes.conversionId)
    .prepare('office_queue_facts'),
  // The tabs' counts, kept by a trigger in conversion_queue_counts: O(1) at 100 000 rows.
  counts: db
    .select({ status: conversionQueueCounts.status, n: conversionQueueCounts.n })
    .from(conversionQueueCounts)
    .prepare('office_queue_counts'),
});

async function pesFacts(db: DbOrTx, ids: string[]) {
  if (!ids.length)
    return new Map<
      string,
      { hasBabysitting: boolean; hasSummer: boolean; newPesCount: number; newPesCents: number; providerNames: string }
    >();
  const rows = await prepared(db, 'office-queue', statements).facts.execute({ ids });
  return new Map(rows.map((r) => [r.conversionId!, r]));
}

const NO_PES = { hasBabysitting: false, hasSummer: false, newPesCount: 0, newPesCents: 0, providerNames: '' };

// The keyset column: submitted_at, or decision_due_at in term order (never null there: queueWhere excludes it).
const keyOf = (byTerm: boolean) => (byTerm ? conversions.decisionDueAt : conversions.submittedAt);
const cursorAt = sql.placeholder('cursorAt');
const cursorId = sql.placeholder('cursorId');
const after = (byTerm: boolean) =>
  sql`(${keyOf(byTerm)}, ${conversions.id}) > (${cursorAt}::timestamptz, ${cursorId}::uuid)`;
const before = (byTerm: boolean) =>
  sql`(${keyOf(byTerm)}, ${conversions.id}) < (${cursorAt}::timestamptz, ${cursorId}::uuid)`;

type Direction = 'first' | 'after' | 'before';

// Each shape's statement gets its own name (a driver that names statements on the server must not mix them up).
const shapeNames = new Map<string, string>();
const statementName = (prefix: string, shape: string) => {
  const key = `${prefix}:${shape}`;
  if (!shapeNames.has(key)) shapeNames.set(key, `${prefix}_${shapeNames.size + 1}`);
  return shapeNames.get(key)!;
};

/**
 * The batch statement of one shape of filters, direction and size, prepared the first time it is asked for:
 * a clerk's usual views (the first page, a tab, a filter) stop rebuilding their SQL text on every request.
 * The shapes are few (each filter is set or not, from fixed lists), so the cache stays small.
 */
function batchStatement(db: DbOrTx, f: QueueFilters, direction: Direction, limit: number) {
  const byTerm = ordersByTerm(f);
  const shape = `${queueShape(f)}|${direction}|${limit}`;
  return prepared(db, `office-queue-batch:${shape}`, (db) => {
    const where: SQL[] = [queueWhere(f)];
    if (direction === 'after') where.push(after(byTerm));
    if (direction === 'before') where.push(before(byTerm));
    const q = queueRows(db).where(and(...where));
    const key = keyOf(byTerm);
    return (
      direction === 'before'
        ? q.orderBy(desc(key), desc(conversions.id)).limit(limit)
        : q.orderBy(asc(key), asc(conversions.id)).limit(limit)
    ).prepare(statementName('office_queue_batch', shape));
  });
}

type CoreRow = Awaited<ReturnType<ReturnType<typeof queueRows>['execute']>>[number];
function toRow(r: CoreRow, facts: typeof NO_PES, byTerm: boolean): QueueRow & { cursor: string } {
  const { submittedAtText, decisionDueAtText, ...rest } = r;
  return {
    ...rest,
    ...facts,
    status: r.status as ConversionStatus,
    submittedAt: r.submittedAt!,
    cursor: encodeCursor({ at: byTerm ? decisionDueAtText! : submittedAtText, id: r.id }),
  };
}

/**
 * One keyset batch in queue order (oldest submitted first, then id): used by the page and by the CSV
 * export, which walks the whole result batch by batch. A conversion submitted while someone pages
 * lands after every existing row, so no row is lost or shown twice.
 */
export async function queueBatch(
  db: DbOrTx,
  scope: OfficeScope,
  f: QueueFilters,
  cursor: { after?: QueueCursor; before?: QueueCursor },
  limit: number,
  now: Date = new Date(),
) {
  const byTerm = ordersByTerm(f);
  const at = cursor.before ?? cursor.after;
  const direction: Direction = cursor.before ? 'before' : cursor.after ? 'after' : 'first';
  const rows = await batchStatement(db, f, direction, limit).execute({
    ...queueParams(f, scope, now),
    cursorAt: at?.at ?? '',
    cursorId: at?.id ?? '',
  });
  if (direction === 'before') rows.reverse();
  const facts = await pesFacts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRow(r, facts.get(r.id) ?? NO_PES, byTerm));
}

export type QueueCounts = Record<'inviate' | 'da_integrare' | 'convalidate' | 'respinte', number>;

/** Counting a filtered view stops here: "more than 1000" is all a clerk needs, and it stays cheap at any size (P3). */
export const COUNT_CAP = 1000;

const onlyStatusFilter = (f: QueueFilters) =>
  !f.misura && !f.ente && !f.dal && !f.al && !f.q && !f.incarico && !ordersByTerm(f);

/** Matching rows, counted up to COUNT_CAP + 1 (a bounded scan whatever the table size); prepared per shape. */
async function cappedCount(db: DbOrTx, scope: OfficeScope, f: QueueFilters, now: Date): Promise<number> {
  const count = prepared(db, `office-queue-count:${queueShape(f)}`, (db) => {
    const matching = db
      .select({ one: sql`1` })
      .from(conversions)
      .where(queueWhere(f));
    // In term order the rows are the partial due-date index's: walking it in its order (the count of a capped
    // set does not depend on which rows) lets the planner stop after COUNT_CAP + 1 entries instead of scanning
    // the table (P3's EXPLAIN at 20 000).
    const sub = (ordersByTerm(f) ? matching.orderBy(asc(conversions.decisionDueAt)) : matching)
      .limit(COUNT_CAP + 1)
      .as('matching');
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(sub)
      .prepare(statementName('office_queue_count', queueShape(f)));
  });
  const [row] = await count.execute(queueParams(f, scope, now));
  return row?.n ?? 0;
}

/**
 * The queue page: the rows, how many match, the per-status counts of the tabs, in one round of parallel
 * statements. Tab counts come from conversion_queue_counts (kept by a trigger): O(1) at 100 000 rows.
 */
export async function officeQueue(
  db: DbOrTx,
  scope: OfficeScope,
  query: OfficeQueueQuery,
  now: Date = new Date(),
): Promise<Page<QueueRow & { cursor: string }> & { counts: QueueCounts }> {
  const limit = QUEUE_PAGE_SIZE + 1;
  const [batch, filteredTotal, byStatus] = await Promise.all([
    queueBatch(db, scope, query, { after: query.prima ? undefined : query.dopo, before: query.prima }, limit, now),
    onlyStatusFilter(query) ? Promise.resolve(null) : cappedCount(db, scope, query, now),
    prepared(db, 'office-queue', statements).counts.execute(),
  ]);
  const more = batch.length > QUEUE_PAGE_SIZE;
  // Going back, the extra row is the oldest one (the front); going forward it is the last one.
  const rows = query.prima ? batch.slice(more ? 1 : 0) : batch.slice(0, QUEUE_PAGE_SIZE);
  const hasNext = query.prima ? true : more;
  const hasPrev = query.prima ? more : Boolean(query.dopo);
  const counts = Object.fromEntries(
    Object.entries(QUEUE_STATUS_FILTER).map(([tab, statuses]) => [
      tab,
      byStatus.filter((s) => (statuses as readonly string[]).includes(s.status)).reduce((a, s) => a + s.n, 0),
    ]),
  ) as QueueCounts;
  const statusTotal = query.stato === 'tutte' ? byStatus.reduce((a, s) => a + s.n, 0) : counts[query.stato];
  return {
    rows,
    total: filteredTotal === null ? statusTotal : Math.min(filteredTotal, COUNT_CAP),
    totalExact: filteredTotal === null || filteredTotal <= COUNT_CAP,
    nextCursor: hasNext && rows.length ? rows[rows.length - 1]!.cursor : null,
    prevCursor: hasPrev && rows.length ? rows[0]!.cursor : null,
    counts,
  };
}
