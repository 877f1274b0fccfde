import type { QueueRow } from '@/db/queries/office/queue';
import { queueRowView } from './queue-row-view';
import { QueueRows } from './queue-rows';

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

/**
 * The queue: a table on wide screens, a card per row under 48rem (the .rows and .queue-rows classes,
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
      <QueueRows rows={rows.map((r) => queueRowView(r, now, me))} />
    </table>
  );
}
