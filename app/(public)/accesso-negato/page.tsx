import type { Metadata } from 'next';
import Link from 'next/link';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Accesso non consentito' };

export default async function AccessDeniedPage() {
  const actor = await currentActor();
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Accesso non consentito</h1>
      <p>La pagina richiesta appartiene a un’altra area della procedura e non è disponibile con il tuo profilo.</p>
      <Link href={actor ? ROLE_HOME[actor.role] : '/login'} className="btn-primary">
        {actor ? 'Torna alla tua area' : 'Accedi'}
      </Link>
    </div>
  );
}
