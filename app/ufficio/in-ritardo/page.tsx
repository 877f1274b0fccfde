import type { Metadata } from 'next';
import { getDb } from '@/db';
import { overdueProviderSteps, type WaitingStep } from '@/db/queries/waiting-steps';
import { requireRole } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import { formatDateIt } from '@/lib/domain/dates';
import { daysLeftText, termStanding } from '@/lib/domain/term-standing';
import { PageHeader } from '@/app/_components/page-header';
import { ReminderForm } from './reminder-form';

export const metadata: Metadata = { title: 'In ritardo' };

const SHOWN = 200;
type Row = WaitingStep & { remindedToday: boolean };

/** «In ritardo» (issue 19): provider steps past their term, by provider, each with «Invia sollecito». */
export default async function LatePage() {
  await requireRole('office');
  const now = clockNow();
  const { steps, total } = await overdueProviderSteps(await getDb(), now, SHOWN);
  const byProvider = new Map<string, Row[]>();
  for (const s of steps) byProvider.set(s.providerId, [...(byProvider.get(s.providerId) ?? []), s]);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/ufficio', label: 'Richieste di convalida' }}>In ritardo</PageHeader>
      <p role="status" data-testid="late-total">
        {total === 0
          ? 'Nessun PES ha il termine scaduto presso i soggetti erogatori.'
          : `${total === 1 ? '1 PES ha' : `${total} PES hanno`} il termine scaduto presso i soggetti erogatori${total > SHOWN ? `: qui i primi ${SHOWN}` : ''}. Un sollecito formale si può inviare una volta al giorno per ciascun PES.`}
      </p>
      {[...byProvider.values()].map((rows) => {
        const first = rows[0]!;
        const headingId = `prv-${first.providerId}`;
        return (
          <section key={first.providerId} aria-labelledby={headingId} className="card space-y-3">
            <h2 id={headingId} className="text-xl font-bold">
              {first.providerName} ({rows.length})
            </h2>
            <p>
              {first.providerEmail.trim()
                ? `Promemoria e solleciti a ${first.providerEmail}`
                : 'Nessun indirizzo e-mail: il soggetto non riceve promemoria né solleciti, contattalo direttamente.'}
            </p>
            <ul className="space-y-3">
              {rows.map((s) => (
                <li
                  key={s.pesId}
                  className="flex flex-col gap-2 border-l-4 border-err pl-3 sm:flex-row sm:items-center sm:justify-between"
                >
                  <p>
                    <strong>PES {s.code}</strong> — {s.status === 'close_requested' ? 'chiusura' : 'validazione'}{' '}
                    richiesta, termine scaduto il {formatDateIt(s.dueAt)} ({daysLeftText(termStanding(s.dueAt, now))})
                    <span className="block text-sm text-muted">
                      Buono {s.voucherNumber} — {s.familyName}
                    </span>
                  </p>
                  {first.providerEmail.trim() ? (
                    <ReminderForm pesId={s.pesId} code={s.code} sentToday={s.remindedToday} />
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
