import type { PesFactsData } from '@/app/_components/pes-facts';
import type { VoucherPes } from '@/db/queries/voucher-file';
import { BAND_LABELS, type Band } from '@/lib/domain/bands';
import { formatFileSize } from '@/lib/domain/file-size';
import { PES_KIND_LABELS, PES_STATUS_LABELS, PES_STATUS_TONE } from '@/lib/domain/labels';
import { formatEuro } from '@/lib/domain/money';

/**
 * What the browser needs to show a PES, already formatted: no raw rows cross to client components, and
 * nothing twice (the document and the status label travel once, in `facts`).
 */
export function pesSummary(p: VoucherPes) {
  const document = p.document
    ? { id: p.document.id, fileName: p.document.fileName, size: formatFileSize(p.document.sizeBytes) }
    : null;
  const facts: PesFactsData = {
    children: p.children.map((c) => `${c.givenName} ${c.familyName}`).join(', '),
    provider: p.providerName,
    band: p.band ? (BAND_LABELS[p.band as Band] ?? p.band) : null,
    hours: p.hours,
    amount: formatEuro(p.amountCents),
    status: { label: PES_STATUS_LABELS[p.status], tone: PES_STATUS_TONE[p.status] },
    used:
      p.usedCents !== null
        ? { amount: formatEuro(p.usedCents), hours: p.hoursUsed, freed: formatEuro(p.amountCents - p.usedCents) }
        : null,
    document,
  };
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    kindLabel: PES_KIND_LABELS[p.kind],
    status: p.status,
    rejectionReason: p.rejectionReason,
    facts,
  };
}

export type PesSummary = ReturnType<typeof pesSummary>;
