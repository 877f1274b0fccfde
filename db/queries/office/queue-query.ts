import 'server-only';
import type { ConversionStatus } from '@/lib/domain/state-machines';

/**
 * What the office queue can be asked for, as the queries read it. The zod schema that parses the URL
 * (lib/validation/office-queue.ts) is built from these values and must produce these types.
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

export const QUEUE_MEASURES = ['babysitting', 'estivi', 'entrambi'] as const;
export type QueueMeasure = (typeof QUEUE_MEASURES)[number];

/** Presa in carico: the caller's own cases, or the ones nobody has taken. */
export const QUEUE_ASSIGNMENTS = ['mie', 'libere'] as const;
export type QueueAssignment = (typeof QUEUE_ASSIGNMENTS)[number];
/** The office's term (issue 19): due within DUE_SOON_DAYS days, or already passed. Only submitted conversions. */
export const QUEUE_TERMS = ['in_scadenza', 'scaduti'] as const;
export type QueueTerm = (typeof QUEUE_TERMS)[number];
/** Queue order: oldest submitted first (default) or soonest term first. */
export const QUEUE_ORDERS = ['invio', 'termine'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

export type QueueFilters = {
  stato: QueueStatus;
  termine?: QueueTerm | undefined;
  ordine?: QueueOrder | undefined;
  misura?: QueueMeasure | undefined;
  ente?: string | undefined;
  /** Days as YYYY-MM-DD, Rome time. */
  dal?: string | undefined;
  al?: string | undefined;
  /** Codice fiscale, surname, voucher or protocol number: matched as a prefix (index-backed). */
  q?: string | undefined;
  incarico?: QueueAssignment | undefined;
};

/** A page boundary: the row's exact submitted_at (or decision_due_at in term order; as PostgreSQL prints it, microseconds kept) and id. */
export type QueueCursor = { at: string; id: string };

export type OfficeQueueQuery = QueueFilters & { dopo?: QueueCursor | undefined; prima?: QueueCursor | undefined };

// As PostgreSQL prints a timestamptz: "2026-11-25 10:00:00.123456+00" (or +01:00 depending on the session zone).
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(`${c.at}|${c.id}`, 'utf8').toString('base64url');
}

/** The cursor back from a URL, or null when it is not one this module wrote. */
export function decodeCursor(s: string): QueueCursor | null {
  try {
    const [at, id] = Buffer.from(s, 'base64url').toString('utf8').split('|');
    if (at && id && /^[0-9a-f-]{36}$/.test(id) && PG_TIMESTAMPTZ.test(at)) return { at, id };
  } catch {
    /* not base64url: not a cursor */
  }
  return null;
}

/** A filter on the term orders by it too: "scaduti" soonest-passed first is what a clerk works through. */
export const ordersByTerm = (f: QueueFilters) => f.ordine === 'termine' || f.termine !== undefined;
