import type { QueueRow } from '@/db/queries/office/queue';
import { formatDateIt } from '@/lib/domain/dates';
import { daysLeftText, termStanding } from '@/lib/domain/term-standing';

/** The office's term on a queue row (issue 19): its end and days left, "scaduto" in words, or suspended. */
export function QueueTermCell({ row, now }: { row: QueueRow; now: Date }) {
  if (row.status === 'submitted' && row.decisionDueAt) {
    const s = termStanding(row.decisionDueAt, now);
    return (
      <span data-testid="termine" className={s.overdue ? 'font-semibold text-err' : undefined}>
        <time dateTime={row.decisionDueAt.toISOString()}>{formatDateIt(row.decisionDueAt)}</time>
        <span className="block text-sm">{daysLeftText(s)}</span>
      </span>
    );
  }
  if (row.decisionSuspendedAt && !['approved', 'rejected', 'submitted'].includes(row.status))
    return <span>sospeso dal {formatDateIt(row.decisionSuspendedAt)}</span>;
  return <span>—</span>;
}
