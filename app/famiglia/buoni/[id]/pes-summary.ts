import type { VoucherPes } from '@/db/queries/voucher-file';
import { BAND_LABELS, type Band } from '@/lib/domain/bands';
import { formatEuro } from '@/lib/domain/money';
import { PES_STATUS_LABELS, type PesStatus } from '@/lib/domain/state-machines';

/** What the browser needs to show a PES, already formatted: no raw rows cross to client components. */
export function pesSummary(p: VoucherPes) {
  return {
    id: p.id,
    code: p.code,
    kind: p.kind,
    status: p.status as PesStatus,
    statusLabel: PES_STATUS_LABELS[p.status as PesStatus] ?? p.status,
    children: p.children.map((c) => `${c.givenName} ${c.familyName}`).join(', '),
    provider: p.providerName,
    band: p.band ? (BAND_LABELS[p.band as Band] ?? p.band) : null,
    hours: p.hours,
    amount: formatEuro(p.amountCents),
    used: p.usedCents !== null ? formatEuro(p.usedCents) : null,
    hoursUsed: p.hoursUsed,
    freed: p.usedCents !== null ? formatEuro(p.amountCents - p.usedCents) : null,
    rejectionReason: p.rejectionReason,
    document: p.document ? { id: p.document.id, fileName: p.document.fileName } : null,
  };
}

export type PesSummary = ReturnType<typeof pesSummary>;
