'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { loginAction, type LoginState } from '@/lib/actions/auth/login';

export function LoginForm() {
  const [state, action] = useActionState<LoginState, FormData>(loginAction, {});
  // Kept in memory only, so the second step (staff code) does not ask for the password again.
  const [password, setPassword] = useState('');
  const secondStep = state.step === 'totp';
  return (
    <form
      action={action}
      noValidate
      onSubmit={(e) => {
        const typed = new FormData(e.currentTarget).get('password');
        if (typeof typed === 'string') setPassword(typed);
      }}
    >
      {state.message ? (
        <Alert kind="error" title={secondStep ? 'Codice non accettato' : 'Accesso non riuscito'}>
          {state.message}
        </Alert>
      ) : null}
      {secondStep ? (
        <>
          <p className="mb-4">
            Accesso di <strong>{state.codiceFiscale}</strong>: il tuo account è protetto con la verifica in due
            passaggi.
          </p>
          <input type="hidden" name="codiceFiscale" value={state.codiceFiscale ?? ''} />
          {password ? (
            <input type="hidden" name="password" value={password} />
          ) : (
            <TextField
              id="password"
              name="password"
              type="password"
              label="Password"
              autoComplete="current-password"
              required
              maxLength={256}
            />
          )}
          <TextField
            id="totp"
            name="totp"
            label="Codice dell’app di autenticazione"
            hint="Le 6 cifre che l’app mostra adesso. Se non hai il telefono, inserisci uno dei codici di recupero."
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            required
            autoFocus
            maxLength={64}
          />
          <SubmitButton>Verifica e accedi</SubmitButton>
          <p className="mt-4">
            {/* A full page load, so the form forgets the typed credentials. */}
            <a href="/login" className="link">
              Ricomincia con un altro utente
            </a>
          </p>
        </>
      ) : (
        <>
          <TextField
            id="codiceFiscale"
            name="codiceFiscale"
            label="Codice fiscale (username)"
            autoComplete="username"
            autoCapitalize="characters"
            spellCheck={false}
            required
            defaultValue={state.codiceFiscale}
            maxLength={32}
          />
          <TextField
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            required
            maxLength={256}
          />
          <SubmitButton>Accedi</SubmitButton>
        </>
      )}
    </form>
  );
}
