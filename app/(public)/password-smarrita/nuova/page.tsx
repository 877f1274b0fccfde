import type { Metadata } from 'next';
import { PASSWORD_MIN } from '@/lib/domain/password-policy';
import { NewPasswordForm } from './new-password-form';

// same-origin, not no-referrer: under no-referrer a form posted without JavaScript carries `Origin: null`, which
// Next refuses as a cross-site Server Action. The token is in the fragment, never in a Referer either way.
export const metadata: Metadata = { title: 'Nuova password', referrer: 'same-origin' };

export default function NewPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Imposta una nuova password</h1>
      <p className="mb-4">
        Scegli una password di almeno {PASSWORD_MIN} caratteri, facile da ricordare per te e difficile da indovinare: ad
        esempio alcune parole separate da spazi. Dopo il cambio, tutte le sessioni aperte vengono chiuse.
      </p>
      <div className="card">
        <NewPasswordForm />
      </div>
    </div>
  );
}
