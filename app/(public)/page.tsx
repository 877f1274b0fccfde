import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';

export default async function HomePage() {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Buoni di servizio — Modifica PES</h1>
      <p className="max-w-prose text-lg">
        Con la <strong>Del. G.P. n. 575/2020</strong> e la <strong>Del. G.P. n. 742/2020</strong> le famiglie con un
        Buono di servizio già assegnato possono convertire la parte non utilizzata in{' '}
        <strong>servizi di babysitting domiciliare</strong> o in <strong>servizi estivi</strong> per l’emergenza
        COVID-19.
      </p>
      <div className="card max-w-prose space-y-3">
        <h2 className="text-xl font-bold">Accesso alla procedura</h2>
        <p>
          Lo username è il tuo codice fiscale. Famiglie, soggetti erogatori e Struttura Multifunzionale Territoriale Ad
          Personam accedono dalla stessa pagina.
        </p>
        <Link href="/login" className="btn-primary">
          Accedi
        </Link>
      </div>
    </div>
  );
}
