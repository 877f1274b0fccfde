'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { deleteNewPesAction, requestValidationAction } from '@/lib/actions/family/babysitting';
import { PesFacts } from '@/app/_components/pes-facts';
import { canEditNewPes } from '@/lib/domain/state-machines';
import type { PesSummary } from './pes-summary';

/** The conversion's new COVID-19 PES, with what the family can do on each. */
export function NewPesList({
  voucherId,
  pes,
  editable,
  reopened = false,
}: {
  voucherId: string;
  pes: PesSummary[];
  editable: boolean;
  reopened?: boolean;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; title: string; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const live = pes.filter((p) => p.status !== 'deleted');
  const drafts = live.filter((p) => p.status === 'draft');

  const requestValidation = () =>
    start(async () => {
      expectOutcomeFocus();
      const r = await requestValidationAction({ voucherId });
      setMessage(
        r.ok
          ? {
              kind: 'success',
              title: 'Richiesta di validazione inviata',
              text: `I PES ${r.data.sent.join(', ')} sono in attesa di validazione da parte del soggetto erogatore, che ha ricevuto una e-mail.`,
            }
          : { kind: 'error', title: 'Richiesta non inviata', text: r.message },
      );
      if (r.ok) router.refresh();
    });

  const remove = (pesId: string, code: string) =>
    start(async () => {
      expectOutcomeFocus();
      const r = await deleteNewPesAction({ voucherId, pesId });
      setConfirmDelete(null);
      setMessage(
        r.ok
          ? { kind: 'success', title: `PES ${code} eliminato`, text: 'L’importo è di nuovo disponibile.' }
          : { kind: 'error', title: 'PES non eliminato', text: r.message },
      );
      if (r.ok) router.refresh();
    });

  if (live.length === 0 && !message) return null;
  return (
    <section aria-labelledby="nuovi-pes" className="space-y-3">
      <h2 id="nuovi-pes" className="text-xl font-bold">
        Nuovi PES emergenza COVID-19
      </h2>
      {message ? (
        <Alert key={message.title + message.text} outcome kind={message.kind} title={message.title}>
          {message.text}
        </Alert>
      ) : null}
      <ul className="space-y-3">
        {live.map((p) => (
          <li key={p.id} className="card space-y-2">
            <h3 className="text-lg font-bold">
              PES {p.code} — {p.kindLabel}
            </h3>
            <PesFacts f={p.facts} />
            {p.status === 'rejected' && p.rejectionReason ? (
              <p className="font-semibold text-err">Motivo del rifiuto: {p.rejectionReason}</p>
            ) : null}
            {p.status === 'awaiting_validation' ? (
              <p>In attesa di validazione da parte del soggetto erogatore.</p>
            ) : null}
            {editable && canEditNewPes(p.status, { reopened }) ? (
              confirmDelete === p.id ? (
                <div
                  className="rounded border-2 border-err p-3"
                  role="group"
                  aria-label={`Conferma eliminazione del PES ${p.code}`}
                >
                  <p className="mb-2">Eliminare il PES {p.code}? L’importo torna disponibile.</p>
                  <div className="flex flex-col gap-2 sm:flex-row">
                    <button
                      type="button"
                      className="btn-danger"
                      disabled={pending}
                      onClick={() => remove(p.id, p.code)}
                    >
                      Sì, elimina
                    </button>
                    <button
                      type="button"
                      className="btn-secondary"
                      disabled={pending}
                      onClick={() => setConfirmDelete(null)}
                    >
                      Annulla
                    </button>
                  </div>
                </div>
              ) : (
                <div className="flex flex-col gap-2 sm:flex-row">
                  <Link
                    href={
                      p.kind === 'babysitting_covid'
                        ? `/famiglia/buoni/${voucherId}/babysitting?pes=${p.id}`
                        : `/famiglia/buoni/${voucherId}/estivi`
                    }
                    className="btn-secondary"
                    aria-label={`Modifica il PES ${p.code}`}
                  >
                    Modifica
                  </Link>
                  <button
                    type="button"
                    className="btn-danger"
                    onClick={() => setConfirmDelete(p.id)}
                    aria-label={`Elimina il PES ${p.code}`}
                  >
                    Elimina
                  </button>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {editable && drafts.length > 0 ? (
        <button type="button" className="btn-primary" disabled={pending} onClick={requestValidation}>
          {pending ? 'Invio in corso…' : 'Richiedi validazione al soggetto erogatore'}
        </button>
      ) : null}
    </section>
  );
}
