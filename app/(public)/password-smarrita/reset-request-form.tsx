'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { requestPasswordResetAction, type ResetRequestState } from '@/lib/actions/auth/request-password-reset';
import { echoed } from '@/lib/actions/form-input';

export function ResetRequestForm() {
  const [state, action] = useActionState<ResetRequestState, FormData>(requestPasswordResetAction, {});
  if (state.done) {
    return (
      <Alert kind="success" title="Richiesta ricevuta">
        <p>
          Se i dati corrispondono a un utente registrato, riceverai a breve un’e-mail con il collegamento per impostare
          la nuova password. Il collegamento vale 60 minuti.
        </p>
        <p className="mt-2">
          <Link href="/login" className="link">
            Torna all’accesso
          </Link>
        </p>
      </Alert>
    );
  }
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.message ? (
        <Alert kind="error" title="Richiesta non inviata">
          {state.message}
        </Alert>
      ) : null}
      {Object.keys(fe).length > 0 ? <Alert kind="error" title="Controlla i dati inseriti" /> : null}
      <TextField
        id="givenName"
        name="givenName"
        label="Nome"
        autoComplete="given-name"
        required
        error={fe.givenName}
        defaultValue={echoed(state.values, 'givenName')}
        maxLength={100}
      />
      <TextField
        id="familyName"
        name="familyName"
        label="Cognome"
        autoComplete="family-name"
        required
        error={fe.familyName}
        defaultValue={echoed(state.values, 'familyName')}
        maxLength={100}
      />
      <TextField
        id="codiceFiscale"
        name="codiceFiscale"
        label="Codice fiscale"
        autoCapitalize="characters"
        spellCheck={false}
        required
        error={fe.codiceFiscale}
        defaultValue={echoed(state.values, 'codiceFiscale')}
        maxLength={32}
      />
      <SubmitButton>Richiedi</SubmitButton>
    </form>
  );
}
