import Link from 'next/link';
import { PesFacts } from '@/app/_components/pes-facts';
import { StatusBadge } from '@/app/_components/status-badge';
import { ageInYears } from '@/lib/domain/bands';
import { now as clockNow } from '@/lib/clock';
import { formatDateIt, isoDate } from '@/lib/domain/dates';
import { formatFileSize } from '@/lib/domain/file-size';
import { PES_KIND_LABELS, PES_STATUS_LABELS, PES_STATUS_TONE } from '@/lib/domain/labels';
import type { PesKind } from '@/lib/domain/pes-kinds';
import { formatEuro } from '@/lib/domain/money';
import type { PesStatus } from '@/lib/domain/state-machines';
import { pesDue } from './pes-due';

export type ProviderPesRow = {
  id: string;
  code: string;
  kind: PesKind;
  band: string | null;
  hours: number;
  amountCents: number;
  status: PesStatus;
  closeRequestedAt: Date | null;
  validationRequestedAt: Date | null;
  closeDueAt?: Date | null;
  validationDueAt?: Date | null;
  voucherNumber: string;
  familyGivenName: string;
  familyFamilyName: string;
  familyCodiceFiscale: string;
  documentId: string | null;
  documentName: string | null;
  documentSize: number | null;
  children: { givenName: string; familyName: string; birthDate: string }[];
};

export function ProviderPesCard({
  p,
  action,
  headingLevel = 3,
}: {
  p: ProviderPesRow;
  action?: string;
  headingLevel?: 2 | 3;
}) {
  const now = clockNow();
  const today = isoDate(now);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const requested =
    p.status === 'close_requested'
      ? p.closeRequestedAt
      : p.status === 'awaiting_validation'
        ? p.validationRequestedAt
        : null;
  const due = pesDue(p, now);
  return (
    <article className="card space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <H className="text-lg font-bold">PES {p.code}</H>
        <StatusBadge label={PES_STATUS_LABELS[p.status]} tone={PES_STATUS_TONE[p.status]} />
      </div>
      {due ? (
        <p
          data-testid="scadenza-pes"
          className={due.overdue ? 'border-l-4 border-err pl-2 font-semibold' : 'font-semibold'}
        >
          {due.text}
        </p>
      ) : null}
      <PesFacts
        f={{
          family: { name: `${p.familyGivenName} ${p.familyFamilyName}`, codiceFiscale: p.familyCodiceFiscale },
          voucherNumber: p.voucherNumber,
          children: p.children
            .map((c) => `${c.givenName} ${c.familyName} (${ageInYears(c.birthDate, today)} anni)`)
            .join(', '),
          kind: PES_KIND_LABELS[p.kind],
          band: p.band,
          hours: p.hours,
          amount: formatEuro(p.amountCents),
          requestedAt: requested ? formatDateIt(requested) : null,
          document: p.documentId
            ? {
                id: p.documentId,
                fileName: p.documentName ?? 'documento.pdf',
                size: formatFileSize(p.documentSize ?? 0),
              }
            : null,
        }}
      />
      {action ? (
        <Link href={`/erogatore/pes/${p.id}`} className="btn-primary" aria-label={`${action}: PES ${p.code}`}>
          {action}
        </Link>
      ) : null}
    </article>
  );
}
