import { formatDateIt } from '@/lib/domain/dates';
import { daysLeftText, termStanding } from '@/lib/domain/term-standing';

type Term = {
  status: string;
  decisionDueAt: Date | null;
  decisionSuspendedAt: Date | null;
  decisionDaysUsed: number;
  decisionTermDays: number | null;
  integrationDueAt: Date | null;
};

/** The office's term on the file (issue 19): its end and days left, or its suspension during an integration. */
export function TermFacts({ c, now }: { c: Term; now: Date }) {
  if (c.status === 'submitted' && c.decisionDueAt) {
    const s = termStanding(c.decisionDueAt, now);
    return (
      <p data-testid="termine-pratica" className={s.overdue ? 'border-l-4 border-err pl-2 font-semibold' : ''}>
        Termine per decidere: entro il {formatDateIt(c.decisionDueAt)} ({daysLeftText(s)})
        {c.decisionDaysUsed > 0
          ? ` — termine ripreso dopo l’integrazione, con ${c.decisionDaysUsed} giorni già trascorsi`
          : ''}
        .
      </p>
    );
  }
  if (c.decisionSuspendedAt && !['approved', 'rejected', 'submitted'].includes(c.status)) {
    return (
      <p data-testid="termine-pratica">
        Termine per decidere sospeso dal {formatDateIt(c.decisionSuspendedAt)} per la richiesta di integrazione
        {c.decisionTermDays !== null ? ` (giorni già trascorsi: ${c.decisionDaysUsed} su ${c.decisionTermDays})` : ''};
        riprende quando la famiglia invia di nuovo la richiesta
        {c.integrationDueAt ? `, entro il ${formatDateIt(c.integrationDueAt)}` : ''}.
      </p>
    );
  }
  return null;
}
