'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import {
  adoptIdentityContactAction,
  type AdoptIdentityContactState,
} from '@/lib/actions/family/adopt-identity-contact';

const TEXT = {
  email: {
    button: 'Usa questo indirizzo per le comunicazioni',
    done: 'Indirizzo e-mail aggiornato',
    inUse: 'È l’indirizzo usato per le comunicazioni.',
  },
  mobile: {
    button: 'Usa questo numero per le comunicazioni',
    done: 'Numero di cellulare aggiornato',
    inUse: 'È il numero usato per le comunicazioni e per il codice OTP.',
  },
} as const;

/**
 * Makes the identity provider's e-mail or mobile the one for notifications and the OTP (a plain form). Stays
 * mounted once the value is in use, so the outcome of the press is still there to be read.
 */
export function ContactChoiceForm({
  field,
  value,
  inUse,
}: {
  field: 'email' | 'mobile';
  value: string;
  inUse: boolean;
}) {
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
      {inUse ? (
        <p>{TEXT[field].inUse}</p>
      ) : (
        <button type="submit" className="btn-secondary" disabled={pending}>
          {TEXT[field].button}
        </button>
      )}
    </form>
  );
}
