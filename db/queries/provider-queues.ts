import 'server-only';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { pes } from '@/db/schema';
import { pageNumber, pesListRows } from './provider-pes';

export const QUEUE_PAGE_SIZE = 20;

/** One numbered page of a provider's queue: the rows, how many wait, which page of how many. */
export type NumberedPage<T> = { rows: T[]; total: number; page: number; pages: number };

const providerId = sql.placeholder('providerId');
const offset = sql.placeholder('offset');

const statements = (db: DbOrTx) => ({
  close: pesListRows(db)
    .where(and(eq(pes.providerId, providerId), eq(pes.status, 'close_requested')))
    .orderBy(asc(pes.closeDueAt), asc(pes.code))
    .limit(QUEUE_PAGE_SIZE)
    .offset(offset)
    .prepare('provider_queue_close'),
  validation: pesListRows(db)
    .where(and(eq(pes.providerId, providerId), eq(pes.status, 'awaiting_validation')))
    .orderBy(asc(pes.validationDueAt), asc(pes.code))
    .limit(QUEUE_PAGE_SIZE)
    .offset(offset)
    .prepare('provider_queue_validation'),
  // Both queues' sizes in one statement over pes_provider_status_idx (index-only), never over the joined rows.
  counts: db
    .select({ status: pes.status, n: count() })
    .from(pes)
    .where(and(eq(pes.providerId, providerId), inArray(pes.status, ['close_requested', 'awaiting_validation'])))
    .groupBy(pes.status)
    .prepare('provider_queue_counts'),
});

const pages = (n: number) => Math.max(1, Math.ceil(n / QUEUE_PAGE_SIZE));

/**
 * What waits for this provider, soonest due first (issue 19; a step older than the terms, without a due
 * date, comes last), one page of each queue (`?chiusure=`, `?validazioni=`): 5 % of 20 000 families asking
 * to close at once is a thousand rows, too many for one page. Each page walks its own index in queue
 * order (pes_provider_close_due_idx, pes_provider_validation_due_idx); three prepared statements.
 * Always filtered by the provider: a provider sees only PES naming it.
 */
export async function providerQueues(
  db: DbOrTx,
  providerId: string,
  opts: { closePage?: number; validationPage?: number } = {},
) {
  const q = prepared(db, 'provider-queues', statements);
  const closePage = pageNumber(opts.closePage ?? 1);
  const validationPage = pageNumber(opts.validationPage ?? 1);
  const [closeRequests, validations, counts] = await Promise.all([
    q.close.execute({ providerId, offset: (closePage - 1) * QUEUE_PAGE_SIZE }),
    q.validation.execute({ providerId, offset: (validationPage - 1) * QUEUE_PAGE_SIZE }),
    q.counts.execute({ providerId }),
  ]);
  const waiting = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  const [close, validation] = [waiting('close_requested'), waiting('awaiting_validation')];
  return {
    closeRequests: { rows: closeRequests, total: close, page: closePage, pages: pages(close) },
    validations: { rows: validations, total: validation, page: validationPage, pages: pages(validation) },
  };
}
