import { formatDateIt } from './dates';
import type { ConversionStatus, PesStatus } from './state-machines';
import { termStanding } from './term-standing';

/** One waiting step as the family and the office read it: who must act, by when, and whether it is late. */
export type Deadline = { key: string; text: string; dueAt: Date; overdue: boolean; daysLeft: number };

type PesTerm = {
  id: string;
  code: string;
  status: PesStatus;
  providerName: string;
  closeDueAt: Date | null;
  validationDueAt: Date | null;
};
type ConversionTerm = {
  status: ConversionStatus;
  decisionDueAt: Date | null;
  decisionSuspendedAt: Date | null;
  decisionDaysUsed: number;
  decisionTermDays: number | null;
  integrationDueAt: Date | null;
};

const late = (overdue: boolean) => (overdue ? ' — termine scaduto' : '');

function deadline(key: string, dueAt: Date, now: Date, text: (date: string, overdue: boolean) => string): Deadline {
  const s = termStanding(dueAt, now);
  return { key, dueAt, ...s, text: text(formatDateIt(dueAt), s.overdue) };
}

/**
 * The due dates of what is waiting on a voucher, soonest first (issue 19: "Nobody waits without knowing
 * until when"). `audience` changes only the integration sentence: the family is told to answer.
 */
export function voucherDeadlines(
  pes: readonly PesTerm[],
  conversion: ConversionTerm | null,
  now: Date,
  audience: 'family' | 'office' = 'family',
): Deadline[] {
  const out: Deadline[] = [];
  for (const p of pes) {
    if (p.status === 'close_requested' && p.closeDueAt)
      out.push(
        deadline(
          `close-${p.id}`,
          p.closeDueAt,
          now,
          (d, o) => `Il soggetto erogatore ${p.providerName} deve chiudere il PES ${p.code} entro il ${d}${late(o)}.`,
        ),
      );
    if (p.status === 'awaiting_validation' && p.validationDueAt)
      out.push(
        deadline(
          `validate-${p.id}`,
          p.validationDueAt,
          now,
          (d, o) => `Il soggetto erogatore ${p.providerName} deve validare il PES ${p.code} entro il ${d}${late(o)}.`,
        ),
      );
  }
  if (conversion?.status === 'submitted' && conversion.decisionDueAt)
    out.push(
      deadline('decision', conversion.decisionDueAt, now, (d, o) => `L’ufficio deve decidere entro il ${d}${late(o)}.`),
    );
  const awaitingFamily = conversion && conversion.decisionSuspendedAt && conversion.status !== 'submitted';
  if (awaitingFamily && conversion.integrationDueAt && !['approved', 'rejected'].includes(conversion.status)) {
    const used =
      conversion.decisionTermDays !== null
        ? ` Il termine dell’ufficio è sospeso dal ${formatDateIt(conversion.decisionSuspendedAt!)} (giorni già trascorsi: ${conversion.decisionDaysUsed} su ${conversion.decisionTermDays}) e riprende al nuovo invio.`
        : '';
    out.push(
      deadline('integration', conversion.integrationDueAt, now, (d, o) =>
        audience === 'family'
          ? `Rispondi entro il ${d} alla richiesta di integrazione${late(o)}.${used}`
          : `La famiglia deve rispondere alla richiesta di integrazione entro il ${d}${late(o)}.${used}`,
      ),
    );
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
