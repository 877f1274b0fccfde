'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import {
  adoptIdentityContactAction,
  type AdoptIdentityContactState,
} from '@/lib/actions/family/adopt-identity-contact';

const TEXT = {
  email: { button: 'Usa questo indirizzo per le comunicazioni', done: 'Indirizzo e-mail aggiornato' },
  mobile: { button: 'Usa questo numero per le comunicazioni', done: 'Numero di cellulare aggiornato' },
} as const;

/** Makes the identity provider's e-mail or mobile the one for notifications and the OTP (a plain form). */
export function ContactChoiceForm({ field, value }: { field: 'email' | 'mobile'; value: string }) {
  const [state, action, pending] = useActionState<AdoptIdentityContactState, FormData>(
    adoptIdentityContactAction,
    null,
  );
  return (
    <form action={action} onSubmit={expectOutcomeFocus} className="space-y-2">
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="value" value={value} />
      {state && !state.ok ? (
        <Alert outcome kind="error" title="Dato non aggiornato">
          {state.message}
        </Alert>
      ) : null}
      {state?.ok ? <Alert outcome kind="success" title={TEXT[field].done} /> : null}
      <button type="submit" className="btn-secondary" disabled={pending}>
        {TEXT[field].button}
      </button>
    </form>
  );
}
