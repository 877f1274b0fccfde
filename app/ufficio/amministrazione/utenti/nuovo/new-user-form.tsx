'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { FieldShell } from '@/app/_components/field-shell';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { createStaffUserAction } from '@/lib/actions/office/admin-users';

export function NewUserForm({ providers }: { providers: { id: string; name: string }[] }) {
  const [state, action] = useActionState(createStaffUserAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const typed = state && !state.ok && 'values' in state ? state.values : undefined;
  const v = (name: string) => (typeof typed?.[name] === 'string' ? (typed[name] as string) : '');
  return (
    <form action={action} noValidate className="card space-y-2">
      {state && !state.ok ? (
        <Alert kind="error" title="Utente non creato">
          {state.message}
        </Alert>
      ) : null}
      <fieldset className="mb-4">
        <legend className="mb-1 font-semibold">Tipo di utente</legend>
        <label className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name="role"
            value="provider"
            defaultChecked={v('role') !== 'office'}
            className="h-5 w-5"
          />
          Operatore di un soggetto erogatore
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="radio" name="role" value="office" defaultChecked={v('role') === 'office'} className="h-5 w-5" />
          Operatore della Struttura Multifunzionale Territoriale Ad Personam
        </label>
      </fieldset>
      <FieldShell id="providerId" label="Soggetto erogatore (solo per gli operatori di un ente)" error={fe.providerId}>
        {(a11y) => (
          <select name="providerId" className="field-input" defaultValue={v('providerId')} {...a11y}>
            <option value="">— scegli —</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <TextField
        id="codiceFiscale"
        name="codiceFiscale"
        label="Codice fiscale (sarà il nome utente)"
        required
        maxLength={32}
        autoCapitalize="characters"
        spellCheck={false}
        autoComplete="off"
        defaultValue={v('codiceFiscale')}
        error={fe.codiceFiscale}
      />
      <TextField
        id="givenName"
        name="givenName"
        label="Nome"
        required
        maxLength={100}
        autoComplete="off"
        defaultValue={v('givenName')}
        error={fe.givenName}
      />
      <TextField
        id="familyName"
        name="familyName"
        label="Cognome"
        required
        maxLength={100}
        autoComplete="off"
        defaultValue={v('familyName')}
        error={fe.familyName}
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label="E-mail"
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={v('email')}
        error={fe.email}
      />
      <SubmitButton>Crea l’utente e invia l’e-mail di attivazione</SubmitButton>
    </form>
  );
}
