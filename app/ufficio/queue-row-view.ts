import type { QueueRow } from '@/db/queries/office/queue';
import { conversionBadge } from './_components/conversion-status-badge';
import { daysBetween, formatDateIt, isoDate } from '@/lib/domain/dates';
import type { Tone } from '@/lib/domain/labels';
import { formatEuro } from '@/lib/domain/money';
import { daysLeftText, termStanding } from '@/lib/domain/term-standing';

export const LATE_AFTER_DAYS = 30;

/**
 * One queue row as the text its cells show, worked out on the server (dates, money, days, who), so the
 * client rows (QueueRows) only lay it out: one flat object per row in the RSC payload instead of an element
 * tree of 11 cells several times the size of their text, sent twice (inlined in the HTML and as the RSC
 * response), issue 20.
 */
export type QueueRowView = {
  id: string;
  protocol: string | null;
  holder: string;
  codiceFiscale: string;
  voucher: string;
  measure: string;
  providers: string;
  newPes: string;
  submitted: { iso: string; text: string };
  /** Days waited (late: past LATE_AFTER_DAYS) while it waits; when it was decided once decided. */
  waiting: { text: string; late: boolean };
  /** The office's term (issue 19): its end and days left while it waits, else a sentence. */
  term: { iso: string; text: string; left: string; overdue: boolean } | string;
  status: { label: string; tone: Tone };
  /** Who has the case, "(tu)" for the signed-in clerk; "Nessuno", or "—" once decided. */
  who: string;
  /** Decided (approved or rejected): the row keeps who followed it, without the assignment controls. */
  decided: boolean;
  assigneeId: string | null;
};

const measureOf = (r: QueueRow) =>
  r.hasBabysitting && r.hasSummer
    ? 'Babysitting e servizi estivi'
    : r.hasBabysitting
      ? 'Babysitting domiciliare'
      : r.hasSummer
        ? 'Servizi estivi'
        : '—';

function waitingOf(r: QueueRow, now: Date): QueueRowView['waiting'] {
  if (r.status !== 'submitted')
    return { text: r.decidedAt ? `decisa il ${formatDateIt(r.decidedAt)}` : '—', late: false };
  const days = daysBetween(r.submittedAt, now);
  return days > LATE_AFTER_DAYS
    ? { text: `${days} giorni — oltre ${LATE_AFTER_DAYS}`, late: true }
    : { text: `${days} giorni`, late: false };
}

function termOf(r: QueueRow, now: Date): QueueRowView['term'] {
  if (r.status === 'submitted' && r.decisionDueAt) {
    const s = termStanding(r.decisionDueAt, now);
    return {
      iso: isoDate(r.decisionDueAt),
      text: formatDateIt(r.decisionDueAt),
      left: daysLeftText(s),
      overdue: s.overdue,
    };
  }
  if (r.decisionSuspendedAt && !['approved', 'rejected', 'submitted'].includes(r.status))
    return `sospeso dal ${formatDateIt(r.decisionSuspendedAt)}`;
  return '—';
}

export function queueRowView(r: QueueRow, now: Date, me: string): QueueRowView {
  const name = r.assigneeId && r.assigneeGivenName ? `${r.assigneeGivenName} ${r.assigneeFamilyName}` : null;
  const decided = r.status === 'approved' || r.status === 'rejected';
  return {
    id: r.id,
    protocol: r.protocolNumber,
    holder: `${r.holderFamilyName} ${r.holderGivenName}`,
    codiceFiscale: r.holderCodiceFiscale,
    voucher: r.voucherNumber,
    measure: measureOf(r),
    providers: r.providerNames || '—',
    newPes: `${r.newPesCount} — ${formatEuro(r.newPesCents)}`,
    submitted: { iso: isoDate(r.submittedAt), text: formatDateIt(r.submittedAt) },
    waiting: waitingOf(r, now),
    term: termOf(r, now),
    status: conversionBadge(r.status),
    who: name ? (r.assigneeId === me ? `${name} (tu)` : name) : decided ? '—' : 'Nessuno',
    decided,
    assigneeId: name ? r.assigneeId : null,
  };
}
