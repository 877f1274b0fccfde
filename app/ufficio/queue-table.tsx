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

/** The stacked layout's cell labels repeat these in app/globals.css (.queue-rows), in the same order. */
const HEADERS = [
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
];

/** Who has the case; a decided one keeps the name of who followed it, without the forms. */
function AssigneeCell({ r, me }: { r: QueueRow; me: string }) {
  const assignee =
    r.assigneeId && r.assigneeGivenName
      ? { id: r.assigneeId, name: `${r.assigneeGivenName} ${r.assigneeFamilyName}` }
      : null;
  const who = assignee ? (assignee.id === me ? `${assignee.name} (tu)` : assignee.name) : 'Nessuno';
  if (r.status === 'approved' || r.status === 'rejected') return assignee ? who : '—';
  return (
    <div className="space-y-2">
      <p data-testid="assignee">{who}</p>
      <AssignmentForms conversionId={r.id} protocolNumber={r.protocolNumber} assignee={assignee} compact />
    </div>
  );
}

function Waiting({ r, now }: { r: QueueRow; now: Date }) {
  if (r.status !== 'submitted') return r.decidedAt ? `decisa il ${formatDateIt(r.decidedAt)}` : '—';
  const days = daysBetween(r.submittedAt, now);
  return days > LATE_AFTER_DAYS ? (
    <strong className="text-warn" data-testid="late">{`${days} giorni — oltre ${LATE_AFTER_DAYS}`}</strong>
  ) : (
    `${days} giorni`
  );
}

/**
 * The queue's rows: a table on wide screens, a card per row under 48rem (the .rows and .queue-rows classes,
 * app/globals.css). Inside the AssignmentOutcome's one form: the clerks one can assign to travel once, not
 * with each row, and each row's buttons are that form's submit buttons.
 */
export function QueueTable({ rows, now, me }: { rows: QueueRow[]; now: Date; me: string }) {
  return (
    <table className="rows queue-rows">
      <caption className="sr-only">Pratiche di modifica PES, dalla più vecchia</caption>
      <thead>
        <tr>
          {HEADERS.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const late = r.status === 'submitted' && daysBetween(r.submittedAt, now) > LATE_AFTER_DAYS;
          return (
            <tr key={r.id} className={late ? 'late' : undefined}>
              <th scope="row">
                <Link href={`/ufficio/pratiche/${r.id}`} className="link break-all">
                  {r.protocolNumber ?? 'senza protocollo'}
                </Link>
              </th>
              <td>
                <span>
                  {`${r.holderFamilyName} ${r.holderGivenName}`}
                  <span className="sub">{r.holderCodiceFiscale}</span>
                </span>
              </td>
              <td>{r.voucherNumber}</td>
              <td>{measureOf(r)}</td>
              <td>{r.providerNames || '—'}</td>
              <td>{`${r.newPesCount} — ${formatEuro(r.newPesCents)}`}</td>
              <td>
                <time dateTime={r.submittedAt.toISOString()}>{formatDateIt(r.submittedAt)}</time>
              </td>
              <td>
                <Waiting r={r} now={now} />
              </td>
              <td>
                <QueueTermCell row={r} now={now} />
              </td>
              <td>
                <ConversionStatusBadge status={r.status} />
              </td>
              <td>
                <AssigneeCell r={r} me={me} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
