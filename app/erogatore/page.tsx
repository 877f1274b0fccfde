import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { providerById } from '@/db/queries/provider-by-id';
import { pageNumber, providerQueues, searchProviderPes } from '@/db/queries/provider-pes';
import { requireRole } from '@/lib/auth/current-actor';
import { ProviderPesCard, type ProviderPesRow } from './pes-card';

export const metadata: Metadata = { title: 'Cruscotto del soggetto erogatore' };

export default async function ProviderHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('provider');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q : '';
  const page = pageNumber(sp.pagina);
  const db = await getDb();
  const providerId = actor.providerId!;
  const [provider, queues, all] = await Promise.all([providerById(db, providerId), providerQueues(db, providerId), searchProviderPes(db, providerId, { q, page })]);
  const pageHref = (n: number) => `/erogatore?${new URLSearchParams({ ...(q ? { q } : {}), pagina: String(n) }).toString()}#tutti`;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Cruscotto del soggetto erogatore</h1>
        <p className="text-lg">{provider?.name}</p>
      </div>

      <ul className="grid gap-3 sm:grid-cols-3" aria-label="Riepilogo">
        <li className="card">
          <p className="text-3xl font-bold" data-testid="count-close">{queues.closeRequests.length}</p>
          <p>richieste di chiusura in attesa</p>
        </li>
        <li className="card">
          <p className="text-3xl font-bold" data-testid="count-validation">{queues.validations.length}</p>
          <p>nuovi PES da validare</p>
        </li>
        <li className="card">
          <p className="text-3xl font-bold">{queues.total}</p>
          <p>PES in totale</p>
        </li>
      </ul>

      <PesQueue id="chiusure" title="Richieste di chiusura" empty="Nessuna richiesta di chiusura in attesa." rows={queues.closeRequests} action="Chiudi il PES" />
      <PesQueue id="validazioni" title="Nuovi PES da validare" empty="Nessun nuovo PES in attesa di validazione." rows={queues.validations} action="Valida o rifiuta" />

      <section aria-labelledby="tutti-titolo" id="tutti" className="space-y-3">
        <h2 id="tutti-titolo" className="text-2xl font-bold">
          Tutti i PES
        </h2>
        <form role="search" method="get" action="/erogatore" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="q" className="mb-1 block font-semibold">
              Cerca per codice fiscale, numero del buono o del PES
            </label>
            <input id="q" name="q" defaultValue={q} className="field-input" maxLength={40} autoCapitalize="characters" />
          </div>
          <button type="submit" className="btn-secondary">
            Cerca
          </button>
        </form>
        <p role="status">
          {all.total} PES{all.q ? ` per «${all.q}»` : ''} — pagina {all.page} di {all.pages}
        </p>
        <ul className="space-y-3">
          {all.rows.map((p) => (
            <li key={p.id}>
              <ProviderPesCard p={p} action={p.status === 'close_requested' ? 'Chiudi il PES' : p.status === 'awaiting_validation' ? 'Valida o rifiuta' : 'Dettagli'} />
            </li>
          ))}
        </ul>
        {all.pages > 1 ? (
          <nav aria-label="Pagine" className="flex gap-3">
            {all.page > 1 ? (
              <Link href={pageHref(all.page - 1)} className="link">
                ← Pagina precedente
              </Link>
            ) : null}
            {all.page < all.pages ? (
              <Link href={pageHref(all.page + 1)} className="link">
                Pagina successiva →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function PesQueue({ id, title, empty, rows, action }: { id: string; title: string; empty: string; rows: ProviderPesRow[]; action: string }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl font-bold">
        {title}
      </h2>
      {rows.length === 0 ? <p>{empty}</p> : null}
      <ul className="space-y-3">
        {rows.map((p) => (
          <li key={p.id}>
            <ProviderPesCard p={p} action={action} />
          </li>
        ))}
      </ul>
    </section>
  );
}
