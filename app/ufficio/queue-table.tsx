import Link from 'next/link';
import type { QueueRow } from '@/db/queries/office/queue';
import { daysBetween, formatDateIt } from '@/lib/domain/dates';
import { formatEuro } from '@/lib/domain/money';
import { AssignmentForms } from './_components/assignment-forms';
import { QueueTermCell } from './queue-term-cell';
import { ConversionStatusBadge } from './_components/conversion-status-badge';

export const LATE_AFTER_DAYS = 30;

const measureOf = (r: QueueRow) =>
  r.hasBabysitting && r.hasSummer
    ? 'Babysitting e servizi estivi'
    : r.hasBabysitting
      ? 'Babysitting domiciliare'
      : r.hasSummer
        ? 'Servizi estivi'
        : '—';

// A table on wide screens; under 768 px each row becomes a card with its labels (data-label), still one table for screen readers.
const cell =
  'px-3 py-2 align-top max-md:grid max-md:grid-cols-[9rem_1fr] max-md:gap-2 max-md:px-0 max-md:py-1 max-md:before:font-semibold max-md:before:content-[attr(data-label)]';

/** Who has the case; a decided one keeps the name of who followed it, without the forms. */
function AssigneeCell({ r, me, clerks }: { r: QueueRow; me: string; clerks: { id: string; name: string }[] }) {
  const assignee =
    r.assigneeId && r.assigneeGivenName
      ? { id: r.assigneeId, name: `${r.assigneeGivenName} ${r.assigneeFamilyName}` }
      : null;
  const who = assignee ? (assignee.id === me ? `${assignee.name} (tu)` : assignee.name) : 'Nessuno';
  if (r.status === 'approved' || r.status === 'rejected') return <span>{assignee ? who : '—'}</span>;
  return (
    <div className="space-y-2">
      <p data-testid="assignee">{who}</p>
      <AssignmentForms
        conversionId={r.id}
        protocolNumber={r.protocolNumber}
        assignee={assignee}
        me={me}
        clerks={clerks}
        compact
      />
    </div>
  );
}

export function QueueTable({
  rows,
  now,
  me,
  clerks,
}: {
  rows: QueueRow[];
  now: Date;
  me: string;
  clerks: { id: string; name: string }[];
}) {
  return (
    <table className="w-full border-collapse text-left max-md:block">
      <caption className="sr-only">Pratiche di modifica PES, dalla più vecchia</caption>
      <thead className="bg-pat-blue-light max-md:sr-only">
        <tr>
          {[
            'Protocollo',
            'Famiglia',
            'Buono',
            'Misura',
            'Soggetti erogatori',
            'Nuovi PES',
            'Inviata il',
            'Giorni di attesa',
            'Termine per decidere',
            'Stato',
            'In carico a',
          ].map((h) => (
            <th key={h} scope="col" className="px-3 py-2 font-semibold">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-md:block max-md:space-y-3">
        {rows.map((r) => {
          const waiting = r.status === 'submitted' ? daysBetween(r.submittedAt, now) : null;
          const late = waiting !== null && waiting > LATE_AFTER_DAYS;
          return (
            <tr
              key={r.id}
              className={`border-b border-[#d9dee3] max-md:block max-md:rounded-lg max-md:border max-md:bg-white max-md:p-4 ${late ? 'bg-warn-light' : 'md:bg-white'}`}
            >
              <th scope="row" data-label="Protocollo" className={`${cell} font-normal`}>
                <Link href={`/ufficio/pratiche/${r.id}`} className="link break-all">
                  {r.protocolNumber ?? 'senza protocollo'}
                </Link>
              </th>
              <td data-label="Famiglia" className={cell}>
                <span>
                  {r.holderFamilyName} {r.holderGivenName}
                  <span className="block break-all text-sm text-muted">{r.holderCodiceFiscale}</span>
                </span>
              </td>
              <td data-label="Buono" className={cell}>
                {r.voucherNumber}
              </td>
              <td data-label="Misura" className={cell}>
                {measureOf(r)}
              </td>
              <td data-label="Soggetti erogatori" className={cell}>
                {r.providerNames || '—'}
              </td>
              <td data-label="Nuovi PES" className={cell}>
                <span>
                  {r.newPesCount} — {formatEuro(r.newPesCents)}
                </span>
              </td>
              <td data-label="Inviata il" className={cell}>
                <time dateTime={r.submittedAt.toISOString()}>{formatDateIt(r.submittedAt)}</time>
              </td>
              <td data-label="Giorni di attesa" className={cell}>
                {waiting === null ? (
                  <span>{r.decidedAt ? `decisa il ${formatDateIt(r.decidedAt)}` : '—'}</span>
                ) : late ? (
                  <strong className="text-warn" data-testid="late">
                    {waiting} giorni — oltre {LATE_AFTER_DAYS}
                  </strong>
                ) : (
                  <span>{waiting} giorni</span>
                )}
              </td>
              <td data-label="Termine per decidere" className={cell}>
                <QueueTermCell row={r} now={now} />
              </td>
              <td data-label="Stato" className={cell}>
                <span>
                  <ConversionStatusBadge status={r.status} />
                </span>
              </td>
              <td data-label="In carico a" className={cell}>
                <AssigneeCell r={r} me={me} clerks={clerks} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
