import { formatDateIt } from '@/lib/domain/dates';
import type { PesStatus } from '@/lib/domain/state-machines';
import { daysLeftText, termStanding } from '@/lib/domain/term-standing';

type Due = { status: PesStatus; closeDueAt?: Date | null; validationDueAt?: Date | null };

/** By when the provider must act (issue 19), overdue said in words; null when nothing waits for it. */
export function pesDue(p: Due, now: Date): { text: string; overdue: boolean } | null {
  const due =
    p.status === 'close_requested'
      ? { at: p.closeDueAt, verb: 'Da chiudere' }
      : p.status === 'awaiting_validation'
        ? { at: p.validationDueAt, verb: 'Da validare' }
        : null;
  if (!due?.at) return null;
  const s = termStanding(due.at, now);
  return {
    text: `${s.overdue ? 'In ritardo: ' : ''}${due.verb} entro il ${formatDateIt(due.at)} (${daysLeftText(s)})`,
    overdue: s.overdue,
  };
}
