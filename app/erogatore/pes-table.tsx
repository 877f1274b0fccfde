import Link from 'next/link';
import { StatusBadge } from '@/app/_components/status-badge';
import { PES_KIND_LABELS, PES_STATUS_LABELS, PES_STATUS_TONE } from '@/lib/domain/labels';
import { formatEuro } from '@/lib/domain/money';
import type { PesKind } from '@/lib/domain/pes-kinds';
import type { PesStatus } from '@/lib/domain/state-machines';
import { pesDue } from './pes-due';

export type PesListRow = {
  id: string;
  code: string;
  kind: PesKind;
  hours: number;
  amountCents: number;
  status: PesStatus;
  closeDueAt: Date | null;
  validationDueAt: Date | null;
  voucherNumber: string;
  familyGivenName: string;
  familyFamilyName: string;
  familyCodiceFiscale: string;
};

/** What the row's one link does, as the guide says it: the queues' verbs, or Dettagli. */
export const pesAction = (status: PesStatus) =>
  status === 'close_requested' ? 'Chiudi il PES' : status === 'awaiting_validation' ? 'Valida o rifiuta' : 'Dettagli';

/**
 * A provider's PES as compact rows, one link each to the PES page (which has the children, the PDF and the
 * forms). `column`: the queues show the due date, "Tutti i PES" the status.
 */
export function PesTable({
  caption,
  rows,
  column,
  now,
}: {
  caption: string;
  rows: PesListRow[];
  column: 'due' | 'status';
  now: Date;
}) {
  return (
    <table className="rows">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">PES</th>
          <th scope="col">Famiglia</th>
          <th scope="col">Buono</th>
          <th scope="col">Tipologia</th>
          <th scope="col">Importo</th>
          <th scope="col">{column === 'due' ? 'Scadenza' : 'Stato'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const due = column === 'due' ? pesDue(p, now) : null;
          return (
            <tr key={p.id} className={due?.overdue ? 'late' : undefined}>
              <th scope="row" data-label="PES">
                <Link href={`/erogatore/pes/${p.id}`} className="link">
                  <span className="sr-only">{`${pesAction(p.status)}: `}</span>
                  {`PES ${p.code}`}
                </Link>
              </th>
              <td data-label="Famiglia">
                <span>
                  {`${p.familyGivenName} ${p.familyFamilyName}`}
                  <span className="sub">{p.familyCodiceFiscale}</span>
                </span>
              </td>
              <td data-label="Buono">{p.voucherNumber}</td>
              <td data-label="Tipologia">{PES_KIND_LABELS[p.kind]}</td>
              <td data-label="Importo">{`${formatEuro(p.amountCents)} (${p.hours} ore)`}</td>
              {column === 'due' ? (
                <td data-label="Scadenza">
                  {due ? (
                    <span data-testid="scadenza-pes" className={due.overdue ? 'font-semibold text-err' : undefined}>
                      {due.text}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              ) : (
                <td data-label="Stato">
                  <span>
                    <StatusBadge label={PES_STATUS_LABELS[p.status]} tone={PES_STATUS_TONE[p.status]} />
                  </span>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
