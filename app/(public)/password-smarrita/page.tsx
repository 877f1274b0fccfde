import type { Metadata } from 'next';
import { ResetRequestForm } from './reset-request-form';

export const metadata: Metadata = { title: 'Ho smarrito la password' };

export default function LostPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">Ho smarrito la password</h1>
      <p className="mb-4">
        Inserisci nome, cognome e codice fiscale. La procedura non recupera la vecchia password: riceverai all’indirizzo
        e-mail comunicato con la registrazione un collegamento per impostarne una <strong>nuova</strong>.
      </p>
      <div className="card">
        <ResetRequestForm />
      </div>
    </div>
  );
}
