'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { loginAction, type LoginState } from '@/lib/actions/auth/login';

export function LoginForm() {
  const [state, action] = useActionState<LoginState, FormData>(loginAction, {});
  return (
    <form action={action} noValidate>
      {state.message ? <Alert kind="error" title="Accesso non riuscito">{state.message}</Alert> : null}
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
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required maxLength={256} />
      <SubmitButton>Accedi</SubmitButton>
    </form>
  );
}
