'use client';
import Link from 'next/link';
import { useActionState, useSyncExternalStore } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { resetPasswordAction, type ResetPasswordState } from '@/lib/actions/auth/reset-password';

// The token travels in the URL fragment, which browsers never send to the server or in Referer.
function readToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function NewPasswordForm() {
  const token = useSyncExternalStore(
    (cb) => {
      window.addEventListener('hashchange', cb);
      return () => window.removeEventListener('hashchange', cb);
    },
    readToken,
    () => null,
  );
  const [state, action] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  if (state.done) {
    return (
      <Alert kind="success" title="Password aggiornata">
        <p>La nuova password è attiva e le altre sessioni sono state chiuse.</p>
        <p className="mt-2">
          <Link href="/login?password=1" className="link">
            Vai all’accesso
          </Link>
        </p>
      </Alert>
    );
  }
  // Without JavaScript (token === null: the server's HTML) the page cannot read the fragment: the form asks for it.
  if (token === '') {
    return (
      <Alert kind="error" title="Collegamento incompleto">
        Apri il collegamento esattamente come ricevuto nell’e-mail, oppure{' '}
        <Link href="/password-smarrita" className="link">
          richiedine uno nuovo
        </Link>
        .
      </Alert>
    );
  }
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.message ? (
        <Alert kind="error" title="Password non aggiornata">
          {state.message}
        </Alert>
      ) : null}
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <noscript>
          <TextField
            id="token"
            name="token"
            label="Codice del collegamento"
            hint="Senza JavaScript la pagina non legge il codice dall’indirizzo: copia dalla barra degli indirizzi la parte dopo «#token=» e incollala qui."
            autoComplete="off"
            spellCheck={false}
            required
            error={fe.token}
            maxLength={200}
          />
        </noscript>
      )}
      <TextField
        id="password"
        name="password"
        type="password"
        label="Nuova password"
        autoComplete="new-password"
        required
        error={fe.password}
        maxLength={512}
      />
      <TextField
        id="confirm"
        name="confirm"
        type="password"
        label="Ripeti la nuova password"
        autoComplete="new-password"
        required
        error={fe.confirm}
        maxLength={512}
      />
      <SubmitButton>Salva la nuova password</SubmitButton>
    </form>
  );
}
