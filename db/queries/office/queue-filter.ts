import 'server-only';
import { and, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { conversions } from '@/db/schema';
import { addDays, isoDate, romeDayStart } from '@/lib/domain/dates';
import { DUE_SOON_DAYS } from '@/lib/domain/term-standing';
import type { OfficeScope } from './office-scope';
import { ordersByTerm, QUEUE_STATUS_FILTER, type QueueFilters } from './queue-query';

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Live new PES of kind k on the conversion (pes_conversion_idx: a few rows per conversion). */
const hasKind = (kind: 'babysitting_covid' | 'summer_covid') =>
  sql`exists (select 1 from pes p where p.conversion_id = ${conversions.id} and p.kind = ${kind} and p.status <> 'deleted')`;

/**
 * The WHERE of the office queue and of its CSV export (one definition, so both select the same rows).
 * Every branch is index-backed: status + submitted_at (conversions_status_submitted_idx), provider
 * (pes_provider_conversion_idx), and the search as a UNION of prefix matches on text_pattern_ops indexes
 * (protocol, voucher number, codice fiscale, lower(surname)), never a '%…%' scan; "assegnate a me" is
 * conversions_assigned_idx, and the scope says who "me" is.
 */
export function queueWhere(f: QueueFilters, scope: OfficeScope, now: Date): SQL {
  const parts: (SQL | undefined)[] = [isNotNull(conversions.submittedAt)];
  // The term (issue 19) runs only while the office has the file: conversions_decision_due_idx (partial on submitted).
  if (ordersByTerm(f)) parts.push(eq(conversions.status, 'submitted'), isNotNull(conversions.decisionDueAt));
  if (f.termine === 'scaduti') parts.push(lt(conversions.decisionDueAt, now));
  if (f.termine === 'in_scadenza') {
    // Due today or within DUE_SOON_DAYS days (a term ends at 23:59:59 of its Rome day), not yet passed.
    parts.push(gte(conversions.decisionDueAt, now));
    parts.push(lt(conversions.decisionDueAt, romeDayStart(addDays(isoDate(now), DUE_SOON_DAYS + 1))));
  }
  if (f.stato !== 'tutte') parts.push(inArray(conversions.status, [...QUEUE_STATUS_FILTER[f.stato]]));
  if (f.misura === 'babysitting') parts.push(sql`${hasKind('babysitting_covid')} and not ${hasKind('summer_covid')}`);
  if (f.misura === 'estivi') parts.push(sql`${hasKind('summer_covid')} and not ${hasKind('babysitting_covid')}`);
  if (f.misura === 'entrambi') parts.push(sql`${hasKind('babysitting_covid')} and ${hasKind('summer_covid')}`);
  if (f.ente) {
    parts.push(
      sql`${conversions.id} in (select p.conversion_id from pes p where p.provider_id = ${f.ente} and p.conversion_id is not null and p.status <> 'deleted')`,
    );
  }
  if (f.incarico === 'mie') parts.push(eq(conversions.assignedTo, scope.officeUserId));
  if (f.incarico === 'libere') parts.push(isNull(conversions.assignedTo));
  if (f.dal) parts.push(gte(conversions.submittedAt, romeDayStart(f.dal)));
  if (f.al) parts.push(lt(conversions.submittedAt, romeDayStart(addDays(f.al, 1))));
  if (f.q) {
    const code = likePrefix(f.q.toUpperCase().replace(/\s+/g, ''));
    const surname = likePrefix(f.q.toLowerCase());
    parts.push(sql`${conversions.id} in (
      select c.id from conversions c where c.protocol_number like ${code}
      union select c.id from conversions c join vouchers v on v.id = c.voucher_id where v.number like ${code}
      union select c.id from conversions c join vouchers v on v.id = c.voucher_id join users u on u.id = v.holder_id
        where u.codice_fiscale like ${code} or lower(u.family_name) like ${surname})`);
  }
  return and(...parts)!;
}
