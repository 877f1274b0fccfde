import 'server-only';
import type { DbOrTx } from '@/db/open';
import type { OfficeScope } from '@/db/queries/office/office-scope';
import { queueBatch, type QueueRow } from '@/db/queries/office/queue';
import { CSV_BOM, centsCsv, csvLine } from '@/lib/domain/csv';
import { daysBetween, formatDateIt, formatDateTimeIt } from '@/lib/domain/dates';
import { CONVERSION_STATUS_LABELS } from '@/lib/domain/labels';
import type { QueueFilters } from '@/db/queries/office/queue-query';
import { cursorSchema } from '@/lib/validation/office-queue';

export const EXPORT_BATCH = 500;

const HEADER = [
  'Protocollo',
  'Stato',
  'Inviata il',
  'Giorni di attesa',
  'Buono',
  'Codice fiscale',
  'Cognome',
  'Nome',
  'Misura',
  'Soggetti erogatori',
  'Nuovi PES',
  'Importo nuovi PES (euro)',
  'Decisa il',
  'Motivo',
  // Last, so spreadsheets already mapping the earlier columns keep working.
  'In carico a',
];

function line(r: QueueRow, now: Date): string {
  return csvLine([
    r.protocolNumber,
    CONVERSION_STATUS_LABELS[r.status],
    formatDateTimeIt(r.submittedAt),
    r.status === 'submitted' ? daysBetween(r.submittedAt, now) : null,
    r.voucherNumber,
    r.holderCodiceFiscale,
    r.holderFamilyName,
    r.holderGivenName,
    r.hasBabysitting && r.hasSummer
      ? 'babysitting e servizi estivi'
      : r.hasBabysitting
        ? 'babysitting'
        : r.hasSummer
          ? 'servizi estivi'
          : '',
    r.providerNames,
    r.newPesCount,
    centsCsv(r.newPesCents),
    r.decidedAt ? formatDateIt(r.decidedAt) : null,
    r.decisionReason,
    r.assigneeId ? `${r.assigneeGivenName} ${r.assigneeFamilyName}` : null,
  ]);
}

/**
 * The queue's rows as CSV, streamed: each pull reads one keyset batch, so 100 000 rows never sit in
 * memory, and a slow download only holds one batch at a time (backpressure through pull()).
 */
export function queueCsvStream(
  db: DbOrTx,
  scope: OfficeScope,
  filters: QueueFilters,
  now = new Date(),
  batchSize = EXPORT_BATCH,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: { at: string; id: string } | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(HEADER)));
        return;
      }
      const batch = await queueBatch(db, scope, filters, { after: cursor }, batchSize, now);
      if (batch.length) controller.enqueue(encoder.encode(batch.map((r) => line(r, now)).join('')));
      if (batch.length < batchSize) {
        controller.close();
        return;
      }
      const last = batch[batch.length - 1]!;
      cursor = cursorSchema.parse(last.cursor);
    },
  });
}
