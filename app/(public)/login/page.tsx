import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { familyPasswordSignIn, oidcSettings } from '@/lib/config/runtime-config';
import { LoginForm } from './login-form';
import { OidcButtons } from './oidc-buttons';

export const metadata: Metadata = { title: 'Accesso' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const oidc = oidcSettings() !== null;
  const familyPassword = familyPasswordSignIn();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Accesso utenti registrati</h1>
      {oidc ? (
        <section aria-labelledby="famiglie" className="card mb-6">
          <h2 id="famiglie" className="mb-2 text-xl font-bold">
            Famiglie
          </h2>
          <p className="mb-4">Accedi con la tua identità digitale SPID o con la Carta d’identità elettronica (CIE).</p>
          <OidcButtons />
        </section>
      ) : null}
      {sp.error ? (
        <Alert kind="error" title="Accesso non completato">
          L’accesso non è andato a buon fine. Ricomincia dalla pagina di accesso.
        </Alert>
      ) : null}
      {sp.uscita ? <Alert kind="success" title="Sei uscito dalla procedura." /> : null}
      {sp.password ? (
        <Alert kind="success" title="Password aggiornata.">
          Accedi con la nuova password.
        </Alert>
      ) : null}
      {oidc ? (
        <h2 className="mb-2 text-xl font-bold">{familyPassword ? 'Accesso con password' : 'Accesso operatori'}</h2>
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
