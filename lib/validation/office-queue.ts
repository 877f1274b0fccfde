import { z } from 'zod';
import type { ConversionStatus } from '@/lib/domain/state-machines';

/**
 * ONE schema parses the office queue's URL (filters, page cursor); the CSV export derives its own from
 * it, so a bookmarked view and its export always select the same conversions (dub's commissions schema
 * does the same). Bad values are dropped, never an error page: a shared link with a typo still opens.
 */
export const QUEUE_STATUSES = ['inviate', 'da_integrare', 'convalidate', 'respinte', 'tutte'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** Which conversion statuses each tab of the queue shows (the queue only ever lists signed conversions). */
export const QUEUE_STATUS_FILTER: Record<Exclude<QueueStatus, 'tutte'>, readonly ConversionStatus[]> = {
  inviate: ['submitted'],
  // Returned, and being corrected by the family: they keep their protocol number until signed again.
  da_integrare: ['returned', 'draft', 'awaiting_validation', 'ready_to_submit'],
  convalidate: ['approved'],
  respinte: ['rejected'],
};

export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  inviate: 'Inviate',
  da_integrare: 'Da integrare',
  convalidate: 'Convalidate',
  respinte: 'Respinte',
  tutte: 'Tutte',
};

export const QUEUE_MEASURES = ['babysitting', 'estivi', 'entrambi'] as const;
export type QueueMeasure = (typeof QUEUE_MEASURES)[number];
export const QUEUE_MEASURE_LABELS: Record<QueueMeasure, string> = {
  babysitting: 'Solo babysitting domiciliare',
  estivi: 'Solo servizi estivi',
  entrambi: 'Babysitting e servizi estivi',
};

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(one, schema.optional().catch(undefined));

// As PostgreSQL prints a timestamptz: "2026-11-25 10:00:00.123456+00" (or +01:00 depending on the session zone).
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

/** A page boundary: the row's exact submitted_at (as PostgreSQL prints it, microseconds kept) and id. */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    try {
      const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
      if (at && id && /^[0-9a-f-]{36}$/.test(id) && PG_TIMESTAMPTZ.test(at)) return { at, id };
    } catch {
      /* fall through */
    }
    ctx.addIssue({ code: 'custom', message: 'cursore non valido' });
    return z.NEVER;
  });

export function encodeCursor(c: { at: string; id: string }): string {
  return Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');
}

export const queueFiltersSchema = z.object({
  stato: z.preprocess(one, z.enum(QUEUE_STATUSES).catch('inviate').default('inviate')),
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
});

export const officeQueueQuerySchema = queueFiltersSchema.extend({
  dopo: lenient(cursorSchema),
  prima: lenient(cursorSchema),
});

/** The export takes the same filters and no page: it streams every matching row. */
export const officeExportQuerySchema = queueFiltersSchema;

export type QueueFilters = z.infer<typeof queueFiltersSchema>;
export type OfficeQueueQuery = z.infer<typeof officeQueueQuerySchema>;

/** searchParams (page props or URL) → plain record the schemas read. */
export function searchParamsRecord(sp: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  if (sp instanceof URLSearchParams) return Object.fromEntries(sp.entries());
  return sp;
}

/** The filters back into a query string (for links: pages, tabs, the export), omitting defaults. */
export function filtersToSearch(f: Partial<QueueFilters>, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (f.stato && f.stato !== 'inviate') p.set('stato', f.stato);
  if (f.misura) p.set('misura', f.misura);
  if (f.ente) p.set('ente', f.ente);
  if (f.dal) p.set('dal', f.dal);
  if (f.al) p.set('al', f.al);
  if (f.q) p.set('q', f.q);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
