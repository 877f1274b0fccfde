'use client';
import { useState, useTransition } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { decideValidationAction } from '@/lib/actions/provider/decide-validation';
import { useHydrated } from '@/app/_components/use-hydrated';

/** Valida or Rifiuta (with a reason the family will read). */
export function ValidatePesForm({ pesId, code }: { pesId: string; code: string }) {
  const [pending, start] = useTransition();
  // Submitted by JavaScript only: before hydration a click would send a plain GET with the values in the URL.
  const hydrated = useHydrated();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const decide = (input: { decision: 'validate' } | { decision: 'reject'; reason: string }) =>
    start(async () => {
      setError(null);
      expectOutcomeFocus();
      const r = await decideValidationAction({ pesId, ...input });
      if (!r.ok) setError({ message: r.message, field: r.fieldErrors?.reason });
    });

  return (
    <section aria-labelledby="validazione" className="card space-y-3">
      <h2 id="validazione" className="text-xl font-bold">
        Validazione del PES {code}
      </h2>
      <p>Verifica che figli, ore e importo corrispondano a quanto concordato con la famiglia.</p>
      {error && !error.field ? <Alert outcome kind="error" title="Decisione non registrata">{error.message}</Alert> : null}
      {rejecting ? (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            decide({ decision: 'reject', reason });
          }}
        >
          <FieldShell id="reason" label="Motivo del rifiuto" hint="La famiglia lo leggerà nella e-mail e nella procedura: indica cosa correggere." error={error?.field}>
            {(a11y) => <textarea rows={4} maxLength={1000} className="field-input" value={reason} onChange={(e) => setReason(e.target.value)} {...a11y} />}
          </FieldShell>
          <div className="flex flex-col gap-3 sm:flex-row">
            <button type="submit" className="btn-danger" disabled={!hydrated || pending}>
              {pending ? 'Attendere…' : 'Conferma il rifiuto'}
            </button>
            <button type="button" className="btn-secondary" disabled={pending} onClick={() => setRejecting(false)}>
              Annulla
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="button" className="btn-primary" disabled={pending} onClick={() => decide({ decision: 'validate' })}>
            {pending ? 'Attendere…' : 'Valida'}
          </button>
          <button type="button" className="btn-danger" disabled={pending} onClick={() => setRejecting(true)}>
            Rifiuta
          </button>
        </div>
      )}
    </section>
  );
}
