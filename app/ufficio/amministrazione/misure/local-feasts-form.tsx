'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { FieldShell } from '@/app/_components/field-shell';
import { SubmitButton } from '@/app/_components/submit-button';
import { updateLocalFeastsAction } from '@/lib/actions/office/admin-measures';

/** One feast a line, "GG/MM nome"; the whole list is saved at once. */
export function LocalFeastsForm({ defaultValue }: { defaultValue: string }) {
  const [state, action] = useActionState(updateLocalFeastsAction, null);
  const typed = state && 'values' in state && typeof state.values?.feasts === 'string' ? state.values.feasts : null;
  const error = state && !state.ok ? (state.fieldErrors?.feasts ?? state.message) : undefined;
  return (
    <form action={action} noValidate>
      {state?.ok ? (
        <Alert kind="success" title="Festività locali salvate.">
          Valgono per i termini che iniziano da adesso.
        </Alert>
      ) : null}
      <FieldShell
        id="local-feasts"
        label="Festività locali (una per riga, GG/MM e nome)"
        hint="Ad esempio «26/06 San Vigilio». Al massimo 20."
        error={error}
      >
        {(a11y) => (
          <textarea
            name="feasts"
            rows={4}
            maxLength={4000}
            className="field-input"
            defaultValue={typed ?? defaultValue}
            {...a11y}
          />
        )}
      </FieldShell>
      <SubmitButton>Salva le festività</SubmitButton>
    </form>
  );
}
