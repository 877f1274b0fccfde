import 'server-only';
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { conversions } from '@/db/schema';
import { addDays, isoDate, romeDayStart } from '@/lib/domain/dates';
import { DUE_SOON_DAYS } from '@/lib/domain/term-standing';
import type { OfficeScope } from './office-scope';
import { ordersByTerm, QUEUE_STATUS_FILTER, type QueueFilters } from './queue-query';

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The values a filter's statement takes: placeholders, so one prepared statement serves every value (queue.ts). */
const p = {
  now: sql.placeholder('now'),
  soonEnd: sql.placeholder('soonEnd'),
  ente: sql.placeholder('ente'),
  me: sql.placeholder('me'),
  dal: sql.placeholder('dal'),
  al: sql.placeholder('al'),
  code: sql.placeholder('code'),
  surname: sql.placeholder('surname'),
};

/**
 * Live new PES of kind k on the conversion: pes_conversion_kind_idx, partial on live new PES (issue 20, P3:
 * without it the count of "entrambi" hashed every PES). The kind is a literal of a closed list, not a
 * parameter, so the planner sees which one and can use the partial index in a prepared statement's plan.
 */
const hasKind = (kind: 'babysitting_covid' | 'summer_covid') =>
  sql`exists (select 1 from pes p where p.conversion_id = ${conversions.id} and p.kind = ${sql.raw(`'${kind}'`)} and p.status <> 'deleted')`;

/**
 * Which filters are set, and how: what decides the text of the queue's statements (the values go in as
 * parameters, queueParams). The key of the prepared statements in queue.ts.
 */
export const queueShape = (f: QueueFilters) =>
  [
    ordersByTerm(f) ? 'term' : 'sent',
    f.termine ?? '',
    f.stato,
    f.misura ?? '',
    f.ente ? 'ente' : '',
    f.incarico ?? '',
    f.dal ? 'dal' : '',
    f.al ? 'al' : '',
    f.q ? 'q' : '',
  ].join('|');

/**
 * The WHERE of the office queue and of its CSV export (one definition, so both select the same rows), with
 * placeholders for the values (queueParams). Every branch is index-backed: status + submitted_at
 * (conversions_status_submitted_idx), provider (pes_provider_conversion_idx), the measure
 * (pes_conversion_kind_idx), and the search as a UNION of prefix matches on text_pattern_ops indexes
 * (protocol, voucher number, codice fiscale, lower(surname)), never a '%…%' scan; "assegnate a me" is
 * conversions_assigned_idx.
 */
export function queueWhere(f: QueueFilters): SQL {
  const parts: (SQL | undefined)[] = [isNotNull(conversions.submittedAt)];
  // The term (issue 19) runs only while the office has the file: conversions_decision_due_idx (partial on submitted).
  if (ordersByTerm(f)) parts.push(eq(conversions.status, 'submitted'), isNotNull(conversions.decisionDueAt));
  if (f.termine === 'scaduti') parts.push(sql`${conversions.decisionDueAt} < ${p.now}::timestamptz`);
  if (f.termine === 'in_scadenza') {
    // Due today or within DUE_SOON_DAYS days (a term ends at 23:59:59 of its Rome day), not yet passed.
    parts.push(sql`${conversions.decisionDueAt} >= ${p.now}::timestamptz`);
    parts.push(sql`${conversions.decisionDueAt} < ${p.soonEnd}::timestamptz`);
  }
  if (f.stato !== 'tutte') parts.push(inArray(conversions.status, [...QUEUE_STATUS_FILTER[f.stato]]));
  if (f.misura === 'babysitting') parts.push(sql`${hasKind('babysitting_covid')} and not ${hasKind('summer_covid')}`);
  if (f.misura === 'estivi') parts.push(sql`${hasKind('summer_covid')} and not ${hasKind('babysitting_covid')}`);
  if (f.misura === 'entrambi') parts.push(sql`${hasKind('babysitting_covid')} and ${hasKind('summer_covid')}`);
  if (f.ente) {
    parts.push(
      sql`${conversions.id} in (select p.conversion_id from pes p where p.provider_id = ${p.ente}::uuid and p.conversion_id is not null and p.status <> 'deleted')`,
    );
  }
  if (f.incarico === 'mie') parts.push(sql`${conversions.assignedTo} = ${p.me}::uuid`);
  if (f.incarico === 'libere') parts.push(isNull(conversions.assignedTo));
  if (f.dal) parts.push(sql`${conversions.submittedAt} >= ${p.dal}::timestamptz`);
  if (f.al) parts.push(sql`${conversions.submittedAt} < ${p.al}::timestamptz`);
  if (f.q) {
    parts.push(sql`${conversions.id} in (
      select c.id from conversions c where c.protocol_number like ${p.code}
      union select c.id from conversions c join vouchers v on v.id = c.voucher_id where v.number like ${p.code}
      union select c.id from conversions c join vouchers v on v.id = c.voucher_id join users u on u.id = v.holder_id
        where u.codice_fiscale like ${p.code} or lower(u.family_name) like ${p.surname})`);
  }
  return and(...parts)!;
}

/** The values of queueWhere's placeholders for these filters; the scope says who "me" is. */
export function queueParams(f: QueueFilters, scope: OfficeScope, now: Date): Record<string, string> {
  return {
    now: now.toISOString(),
    soonEnd: romeDayStart(addDays(isoDate(now), DUE_SOON_DAYS + 1)).toISOString(),
    ente: f.ente ?? '',
    me: scope.officeUserId,
    dal: f.dal ? romeDayStart(f.dal).toISOString() : '',
    al: f.al ? romeDayStart(addDays(f.al, 1)).toISOString() : '',
    code: f.q ? likePrefix(f.q.toUpperCase().replace(/\s+/g, '')) : '',
    surname: f.q ? likePrefix(f.q.toLowerCase()) : '',
  };
}
