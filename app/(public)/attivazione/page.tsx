import type { Metadata } from 'next';
import { PASSWORD_MIN } from '@/lib/domain/password-policy';
import { NewPasswordForm } from '../password-smarrita/nuova/new-password-form';

// same-origin, not no-referrer: under no-referrer a form posted without JavaScript carries `Origin: null`, which
// Next refuses as a cross-site Server Action. The token is in the fragment, never in a Referer either way.
export const metadata: Metadata = { title: 'Attiva il tuo accesso', referrer: 'same-origin' };

/** Link from the activation e-mail of every new account (imported family, staff, first office clerk): the same single-use token machinery as the password reset. */
export default function ActivationPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Attiva il tuo accesso</h1>
      <p className="mb-4">
        Scegli la password del tuo accesso: almeno {PASSWORD_MIN} caratteri, facile da ricordare per te e difficile da
        indovinare, ad esempio alcune parole separate da spazi. Il nome utente è il tuo codice fiscale.
      </p>
      <div className="card">
        <NewPasswordForm />
      </div>
    </div>
  );
}
