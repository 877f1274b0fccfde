'use client';
import Link from 'next/link';
import { AssignmentForms } from './_components/assignment-forms';
import type { QueueRowView } from './queue-row-view';

/**
 * The queue's rows, laid out from the text the server worked out (queueRowView). A client component so that
 * each row travels in the RSC payload as one flat object, not as the element tree of its 11 cells (issue 20);
 * it is still server-rendered, and the page works without JavaScript. Inside AssignmentOutcome's one form:
 * each row's buttons are that form's submit buttons.
 */
export function QueueRows({ rows }: { rows: QueueRowView[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id} className={r.waiting.late ? 'late' : undefined}>
          <th scope="row">
            <Link href={`/ufficio/pratiche/${r.id}`} className="link break-all">
              {r.protocol ?? 'senza protocollo'}
            </Link>
          </th>
          <td>
            <span>
              {r.holder}
              <span className="sub">{r.codiceFiscale}</span>
            </span>
          </td>
          <td>{r.voucher}</td>
          <td>{r.measure}</td>
          <td>{r.providers}</td>
          <td>{r.newPes}</td>
          <td>
            <time dateTime={r.submitted.iso}>{r.submitted.text}</time>
          </td>
          <td>
            {r.waiting.late ? (
              <strong className="text-warn" data-testid="late">
                {r.waiting.text}
              </strong>
            ) : (
              r.waiting.text
            )}
          </td>
          <td>
            {typeof r.term === 'string' ? (
              <span>{r.term}</span>
            ) : (
              <span data-testid="termine" className={r.term.overdue ? 'font-semibold text-err' : undefined}>
                <time dateTime={r.term.iso}>{r.term.text}</time>
                <span className="block text-sm">{r.term.left}</span>
              </span>
            )}
          </td>
          <td>
            {/* StatusBadge's markup (app/_components/status-badge.tsx), without its server-side imports. */}
            <span className={`badge badge-${r.status.tone}`}>{r.status.label}</span>
          </td>
          <td>
            {r.decided ? (
              r.who
            ) : (
              <div className="space-y-2">
                <p data-testid="assignee">{r.who}</p>
                <AssignmentForms conversionId={r.id} protocolNumber={r.protocol} assigneeId={r.assigneeId} compact />
              </div>
            )}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
