import type { Metadata } from 'next';
import { PASSWORD_MIN } from '@/lib/domain/password-policy';
import { NewPasswordForm } from './new-password-form';

export const metadata: Metadata = { title: 'Nuova password', referrer: 'no-referrer' };

export default function NewPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Imposta una nuova password</h1>
      <p className="mb-4">
        Scegli una password di almeno {PASSWORD_MIN} caratteri, facile da ricordare per te e difficile da indovinare: ad esempio alcune parole separate da spazi.
        Dopo il cambio, tutte le sessioni aperte vengono chiuse.
      </p>
      <div className="card">
        <NewPasswordForm />
      </div>
    </div>
  );
}
