import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { providerById } from '@/db/queries/provider-by-id';
import { pageNumber } from '@/db/queries/provider-pes';
import { providerPesTotal } from '@/db/queries/provider-pes-list';
import { providerQueues, type NumberedPage } from '@/db/queries/provider-queues';
import { requireRole } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import { Pager } from './pager';
import { PesSearch } from './pes-search';
import { PesTable, type PesListRow } from './pes-table';

export const metadata: Metadata = { title: 'Cruscotto del soggetto erogatore' };

/**
 * What waits for the provider: the two queues, soonest due first, and a search. "Tutti i PES" has its own
 * paginated page (/erogatore/pes) since issue 20: with it, the dashboard weighed eleven times the floor.
 */
export default async function ProviderHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('provider');
  const sp = await searchParams;
  // The search and "Tutti i PES" lived here before issue 20: old links and bookmarks land on their page.
  if (typeof sp.q === 'string' || sp.pagina !== undefined) {
    const moved = new URLSearchParams();
    if (typeof sp.q === 'string' && sp.q) moved.set('q', sp.q);
    if (typeof sp.pagina === 'string') moved.set('pagina', sp.pagina);
    redirect(`/erogatore/pes${moved.size ? `?${moved}` : ''}`);
  }
  const closePage = pageNumber(sp.chiusure);
  const validationPage = pageNumber(sp.validazioni);
  const db = await getDb();
  const providerId = actor.providerId!;
  const [provider, queues, total] = await Promise.all([
    providerById(db, providerId),
    providerQueues(db, providerId, { closePage, validationPage }),
    providerPesTotal(db, providerId),
  ]);
  const now = clockNow();
  // Each queue keeps its own page in the URL; moving in one keeps the other where it was.
  const hrefFor = (change: { chiusure?: number; validazioni?: number }, anchor: string) => {
    const next = { chiusure: closePage, validazioni: validationPage, ...change };
    const params = new URLSearchParams();
    for (const key of ['chiusure', 'validazioni'] as const) if (next[key] > 1) params.set(key, String(next[key]));
    return `/erogatore${params.size ? `?${params}` : ''}#${anchor}`;
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

      <div className="space-y-2">
        <PesSearch q="" />
        <p>
          <Link href="/erogatore/pes" className="link">
            Tutti i PES
          </Link>
          , dal più recente
        </p>
      </div>

      <PesQueue
        id="chiusure"
        title="Richieste di chiusura"
        empty="Nessuna richiesta di chiusura in attesa."
        list={queues.closeRequests}
        now={now}
        pageHref={(n) => hrefFor({ chiusure: n }, 'chiusure')}
      />
      <PesQueue
        id="validazioni"
        title="Nuovi PES da validare"
        empty="Nessun nuovo PES in attesa di validazione."
        list={queues.validations}
        now={now}
        pageHref={(n) => hrefFor({ validazioni: n }, 'validazioni')}
      />
    </div>
  );
}

function PesQueue({
  id,
  title,
  empty,
  list,
  now,
  pageHref,
}: {
  id: string;
  title: string;
  empty: string;
  list: NumberedPage<PesListRow>;
  now: Date;
  pageHref: (n: number) => string;
}) {
  return (
    <section aria-labelledby={`${id}-titolo`} id={id} className="space-y-3">
      <h2 id={`${id}-titolo`} className="text-2xl font-bold">
        {title}
      </h2>
      {list.total === 0 ? <p>{empty}</p> : null}
      {list.pages > 1 ? <p role="status">{`${list.total} in attesa — pagina ${list.page} di ${list.pages}`}</p> : null}
      {list.rows.length ? (
        <PesTable caption={`${title}, dalla scadenza più vicina`} rows={list.rows} column="due" now={now} />
      ) : null}
      <Pager
        label={`Pagine: ${title.toLowerCase()}`}
        page={list.page}
        pages={list.pages}
        hasNext={list.page < list.pages}
        href={pageHref}
      />
    </section>
  );
}
