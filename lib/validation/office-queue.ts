import { z } from 'zod';
import {
  decodeCursor,
  QUEUE_ASSIGNMENTS,
  QUEUE_MEASURES,
  QUEUE_ORDERS,
  QUEUE_STATUSES,
  QUEUE_TERMS,
  type OfficeQueueQuery,
  type QueueAssignment,
  type QueueFilters,
  type QueueMeasure,
  type QueueStatus,
  type QueueTerm,
} from '@/db/queries/office/queue-query';

/**
 * ONE schema parses the office queue's URL (filters, page cursor); the CSV export derives its own from
 * it, so a bookmarked view and its export always select the same conversions (dub's commissions schema
 * does the same). Bad values are dropped, never an error page: a shared link with a typo still opens.
 */
export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  inviate: 'Inviate',
  da_integrare: 'Da integrare',
  convalidate: 'Convalidate',
  respinte: 'Respinte',
  tutte: 'Tutte',
};

export const QUEUE_TERM_LABELS: Record<QueueTerm, string> = {
  in_scadenza: 'In scadenza (≤ 5 giorni)',
  scaduti: 'Scaduti',
};

export const QUEUE_MEASURE_LABELS: Record<QueueMeasure, string> = {
  babysitting: 'Solo babysitting domiciliare',
  estivi: 'Solo servizi estivi',
  entrambi: 'Babysitting e servizi estivi',
};

export const QUEUE_ASSIGNMENT_LABELS: Record<QueueAssignment, string> = {
  mie: 'Assegnate a me',
  libere: 'Non assegnate',
};

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(one, schema.optional().catch(undefined));

/** A page boundary (db/queries/office/queue-query.ts writes and reads it). */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const cursor = decodeCursor(s);
    if (cursor) return cursor;
    ctx.addIssue({ code: 'custom', message: 'cursore non valido' });
    return z.NEVER;
  });

export const queueFiltersSchema = z.object({
  stato: z.preprocess(one, z.enum(QUEUE_STATUSES).catch('inviate').default('inviate')),
  termine: lenient(z.enum(QUEUE_TERMS)),
  ordine: lenient(z.enum(QUEUE_ORDERS)),
  misura: lenient(z.enum(QUEUE_MEASURES)),
  ente: lenient(z.uuid()),
  dal: lenient(isoDay),
  al: lenient(isoDay),
  // Codice fiscale, surname, voucher or protocol number: matched as a prefix (index-backed).
  q: lenient(
    z
      .string()
      .trim()
      .max(40)
      .transform((s) => s.replace(/\s+/g, ' '))
      .refine((s) => s.length > 0),
  ),
  incarico: lenient(z.enum(QUEUE_ASSIGNMENTS)),
});

export const officeQueueQuerySchema = queueFiltersSchema.extend({
  dopo: lenient(cursorSchema),
  prima: lenient(cursorSchema),
});

/** The export takes the same filters and no page: it streams every matching row. */
export const officeExportQuerySchema = queueFiltersSchema;

// The parsed URL is exactly what the queries take: a compile error here if schema and query types drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _filtersMatch: Same<z.infer<typeof queueFiltersSchema>, QueueFilters> = true;
const _queryMatch: Same<z.infer<typeof officeQueueQuerySchema>, OfficeQueueQuery> = true;

/** searchParams (page props or URL) → plain record the schemas read. */
export function searchParamsRecord(
  sp: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  if (sp instanceof URLSearchParams) return Object.fromEntries(sp.entries());
  return sp;
}

/** The filters back into a query string (for links: pages, tabs, the export), omitting defaults. */
export function filtersToSearch(f: Partial<QueueFilters>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.stato && f.stato !== 'inviate') p.set('stato', f.stato);
  if (f.termine) p.set('termine', f.termine);
  if (f.ordine && f.ordine !== 'invio') p.set('ordine', f.ordine);
  if (f.misura) p.set('misura', f.misura);
  if (f.ente) p.set('ente', f.ente);
  if (f.dal) p.set('dal', f.dal);
  if (f.al) p.set('al', f.al);
  if (f.q) p.set('q', f.q);
  if (f.incarico) p.set('incarico', f.incarico);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
