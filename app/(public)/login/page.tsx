import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Accesso' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Accesso utenti registrati</h1>
      {sp.uscita ? <Alert kind="success" title="Sei uscito dalla procedura." /> : null}
      {sp.password ? (
        <Alert kind="success" title="Password aggiornata.">
          Accedi con la nuova password.
        </Alert>
      ) : null}
      <div className="card">
        <LoginForm />
        <p className="mt-4">
          <Link href="/password-smarrita" className="link">
            Ho smarrito la password
          </Link>
        </p>
      </div>
    </div>
  );
}
