'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { decideValidationAction, type DecideValidationState } from '@/lib/actions/provider/decide-validation';
import { echoed } from '@/lib/actions/form-input';

/**
 * Valida or Rifiuta (with a reason the family will read). Both are `<form action>` posts, so they work without
 * JavaScript: there, Rifiuta posts a refusal without a reason and the page comes back asking for it.
 */
export function ValidatePesForm({ pesId, code }: { pesId: string; code: string }) {
  const [state, formAction, pending] = useActionState<DecideValidationState, FormData>(decideValidationAction, null);
  const [rejecting, setRejecting] = useState(false);
  const [cancelled, setCancelled] = useState<DecideValidationState>(null);
  const refused = state && !state.ok ? state : null;
  // A refusal posted without a reason field at all is the no-JavaScript Rifiuta: ask for the reason, no error yet.
  const askedReason = refused !== null && refused !== cancelled && echoed(refused.values, 'decision') === 'reject';
  const typedReason = refused?.values && 'reason' in refused.values ? echoed(refused.values, 'reason') : null;
  const reasonError = typedReason !== null ? refused?.fieldErrors?.reason : undefined;
  const showReject = rejecting || askedReason;

  return (
    <section aria-labelledby="validazione" className="card space-y-3">
      <h2 id="validazione" className="text-xl font-bold">
        Validazione del PES {code}
      </h2>
      <p>Verifica che figli, ore e importo corrispondano a quanto concordato con la famiglia.</p>
      {refused && !refused.fieldErrors ? (
        <Alert outcome kind="error" title="Decisione non registrata">
          {refused.message}
        </Alert>
      ) : null}
      {showReject ? (
        <form action={formAction} onSubmit={() => expectOutcomeFocus()} noValidate className="space-y-3">
          <input type="hidden" name="pesId" value={pesId} />
          <input type="hidden" name="decision" value="reject" />
          <FieldShell
            id="reason"
            label="Motivo del rifiuto"
            hint="La famiglia lo leggerà nella e-mail e nella procedura: indica cosa correggere."
            error={reasonError}
          >
            {(a11y) => (
              <textarea
                name="reason"
                rows={4}
                maxLength={1000}
                className="field-input"
                defaultValue={typedReason ?? ''}
                {...a11y}
              />
            )}
          </FieldShell>
          <div className="flex flex-col gap-3 sm:flex-row">
            <button type="submit" className="btn-danger" disabled={pending}>
              {pending ? 'Attendere…' : 'Conferma il rifiuto'}
            </button>
            {/* A link without JavaScript (the page again, nothing decided); a button once hydrated. */}
            <a
              href={`/erogatore/pes/${pesId}`}
              className="btn-secondary text-center"
              aria-disabled={pending}
              onClick={(e) => {
                e.preventDefault();
                setRejecting(false);
                setCancelled(refused);
              }}
            >
              Annulla
            </a>
          </div>
        </form>
      ) : (
        <form action={formAction} onSubmit={() => expectOutcomeFocus()} className="flex flex-col gap-3 sm:flex-row">
          <input type="hidden" name="pesId" value={pesId} />
          <button type="submit" name="decision" value="validate" className="btn-primary" disabled={pending}>
            {pending ? 'Attendere…' : 'Valida'}
          </button>
          <button
            type="submit"
            name="decision"
            value="reject"
            className="btn-danger"
            disabled={pending}
            onClick={(e) => {
              // Hydrated: open the reason field here; without JavaScript the post asks the server for it.
              e.preventDefault();
              setRejecting(true);
            }}
          >
            Rifiuta
          </button>
        </form>
      )}
    </section>
  );
}
