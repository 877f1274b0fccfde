'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { requestSummerValidationAction, type ValidationRequestState } from '@/lib/actions/family/summer';

/** RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE for every draft summer PES; says which still lack their PDF. */
export function SummerValidationRequest({
  voucherId,
  drafts,
  missing,
}: {
  voucherId: string;
  drafts: number;
  missing: string[];
}) {
  const [state, action, pending] = useActionState<ValidationRequestState, FormData>(
    requestSummerValidationAction,
    null,
  );
  return (
    <form action={action} onSubmit={expectOutcomeFocus} className="space-y-2">
      <input type="hidden" name="voucherId" value={voucherId} />
      {state ? (
        <Alert
          outcome
          kind={state.ok ? 'success' : 'error'}
          title={state.ok ? 'Richiesta di validazione inviata' : 'Richiesta non inviata'}
        >
          {state.message}
        </Alert>
      ) : null}
      {missing.length ? (
        <p id="documenti-mancanti" className="font-semibold text-err">
          Prima di richiedere la validazione carica il PES concordato (PDF) per: {missing.join(', ')}.
        </p>
      ) : null}
      {drafts > 0 ? (
        <button
          type="submit"
          className="btn-primary"
          disabled={pending || missing.length > 0}
          aria-describedby={missing.length ? 'documenti-mancanti' : undefined}
        >
          {pending ? 'Invio in corso…' : 'Richiedi validazione al soggetto erogatore'}
        </button>
      ) : (
        <p>Nessun P.E.S. servizi estivi in bozza da inviare al soggetto erogatore.</p>
      )}
    </form>
  );
}
