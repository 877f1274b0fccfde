import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { providerById } from '@/db/queries/provider-by-id';
import {
  pageNumber,
  providerPesTotal,
  providerQueues,
  searchProviderPes,
  type NumberedPage,
} from '@/db/queries/provider-pes';
import { requireRole } from '@/lib/auth/current-actor';
import { ProviderPesCard, type ProviderPesRow } from './pes-card';

export const metadata: Metadata = { title: 'Cruscotto del soggetto erogatore' };

export default async function ProviderHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('provider');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q : '';
  const page = pageNumber(sp.pagina);
  const closePage = pageNumber(sp.chiusure);
  const validationPage = pageNumber(sp.validazioni);
  const db = await getDb();
  const providerId = actor.providerId!;
  const [provider, queues, all, searchedTotal] = await Promise.all([
    providerById(db, providerId),
    providerQueues(db, providerId, { closePage, validationPage }),
    searchProviderPes(db, providerId, { q, page }),
    // Without a search the list's count is the provider's total: not counted twice.
    q ? providerPesTotal(db, providerId) : Promise.resolve(null),
  ]);
  const total = searchedTotal ?? { total: all.total, exact: all.totalExact };
  // Each list keeps its own page in the URL; moving in one keeps the others where they were.
  const current = { q, pagina: page, chiusure: closePage, validazioni: validationPage };
  const hrefFor = (change: Partial<typeof current>, anchor: string) => {
    const next = { ...current, ...change };
    const params = new URLSearchParams();
    if (next.q) params.set('q', next.q);
    for (const key of ['chiusure', 'validazioni', 'pagina'] as const)
      if (next[key] > 1) params.set(key, String(next[key]));
    const search = params.toString();
    return `/erogatore${search ? `?${search}` : ''}#${anchor}`;
  };
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Cruscotto del soggetto erogatore</h1>
        <p className="text-lg">{provider?.name}</p>
      </div>

      <ul className="grid gap-3 sm:grid-cols-3" aria-label="Riepilogo">
        <li className="card">
          <p className="text-3xl font-bold" data-testid="count-close">
            {queues.closeRequests.total}
          </p>
          <p>richieste di chiusura in attesa</p>
        </li>
        <li className="card">
          <p className="text-3xl font-bold" data-testid="count-validation">
            {queues.validations.total}
          </p>
          <p>nuovi PES da validare</p>
        </li>
        <li className="card">
          <p className="text-3xl font-bold" data-testid="count-total">
            {total.exact ? total.total : `oltre ${total.total.toLocaleString('it-IT')}`}
          </p>
          <p>PES in totale</p>
        </li>
      </ul>

      <PesQueue
        id="chiusure"
        title="Richieste di chiusura"
        empty="Nessuna richiesta di chiusura in attesa."
        list={queues.closeRequests}
        action="Chiudi il PES"
        pageHref={(n) => hrefFor({ chiusure: n }, 'chiusure')}
      />
      <PesQueue
        id="validazioni"
        title="Nuovi PES da validare"
        empty="Nessun nuovo PES in attesa di validazione."
        list={queues.validations}
        action="Valida o rifiuta"
        pageHref={(n) => hrefFor({ validazioni: n }, 'validazioni')}
      />

      <section aria-labelledby="tutti-titolo" id="tutti" className="space-y-3">
        <h2 id="tutti-titolo" className="text-2xl font-bold">
          Tutti i PES
        </h2>
        <form role="search" method="get" action="/erogatore" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="q" className="mb-1 block font-semibold">
              Cerca per codice fiscale, numero del buono o del PES
            </label>
            <input
              id="q"
              name="q"
              defaultValue={q}
              className="field-input"
              maxLength={40}
              autoCapitalize="characters"
            />
          </div>
          <button type="submit" className="btn-secondary">
            Cerca
          </button>
        </form>
        <p role="status">
          {all.totalExact ? all.total : `Oltre ${all.total.toLocaleString('it-IT')}`} PES
          {all.q ? ` per «${all.q}»` : ''} — pagina {all.page}
          {all.pages === null ? '' : ` di ${all.pages}`}
        </p>
        <ul className="space-y-3">
          {all.rows.map((p) => (
            <li key={p.id}>
              <ProviderPesCard
                p={p}
                action={
                  p.status === 'close_requested'
                    ? 'Chiudi il PES'
                    : p.status === 'awaiting_validation'
                      ? 'Valida o rifiuta'
                      : 'Dettagli'
                }
              />
            </li>
          ))}
        </ul>
        <Pager
          label="Pagine di tutti i PES"
          page={all.page}
          hasNext={all.hasNext}
          href={(n) => hrefFor({ pagina: n }, 'tutti')}
        />
      </section>
    </div>
  );
}

function PesQueue({
  id,
  title,
  empty,
  list,
  action,
  pageHref,
}: {
  id: string;
  title: string;
  empty: string;
  list: NumberedPage<ProviderPesRow>;
  action: string;
  pageHref: (n: number) => string;
}) {
  return (
    <section aria-labelledby={`${id}-titolo`} id={id} className="space-y-3">
      <h2 id={`${id}-titolo`} className="text-2xl font-bold">
        {title}
      </h2>
      {list.total === 0 ? <p>{empty}</p> : null}
      {list.pages > 1 ? (
        <p role="status">
          {list.total} in attesa — pagina {list.page} di {list.pages}
        </p>
      ) : null}
      <ul className="space-y-3">
        {list.rows.map((p) => (
          <li key={p.id}>
            <ProviderPesCard p={p} action={action} />
          </li>
        ))}
      </ul>
      <Pager
        label={`Pagine: ${title.toLowerCase()}`}
        page={list.page}
        hasNext={list.page < list.pages}
        href={pageHref}
      />
    </section>
  );
}

function Pager({
  label,
  page,
  hasNext,
  href,
}: {
  label: string;
  page: number;
  hasNext: boolean;
  href: (n: number) => string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={label} className="flex gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className="link" rel="prev">
          ← Pagina precedente
        </Link>
      ) : null}
      {hasNext ? (
        <Link href={href(page + 1)} className="link" rel="next">
          Pagina successiva →
        </Link>
      ) : null}
    </nav>
  );
}
