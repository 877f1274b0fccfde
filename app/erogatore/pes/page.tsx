import type { Metadata } from 'next';
import { getDb } from '@/db';
import { pageNumber } from '@/db/queries/provider-pes';
import { PES_COUNT_CAP, searchProviderPes } from '@/db/queries/provider-pes-list';
import { requireRole } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import { PageHeader } from '@/app/_components/page-header';
import { Pager } from '../pager';
import { PesSearch } from '../pes-search';
import { PesTable } from '../pes-table';

export const metadata: Metadata = { title: 'Tutti i PES' };

/**
 * Every PES naming the provider, most recently changed first, a page at a time (`?pagina=`), searchable
 * (`?q=`). Any `?pagina=` is a page: garbage or negative is the first, past the end the last (pageNumber,
 * searchProviderPes). The provider comes from the session, never from the URL (N2).
 */
export default async function ProviderAllPes({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('provider');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q : '';
  const all = await searchProviderPes(await getDb(), actor.providerId!, { q, page: pageNumber(sp.pagina) });
  const href = (n: number) => {
    const params = new URLSearchParams();
    if (all.q) params.set('q', all.q);
    if (n > 1) params.set('pagina', String(n));
    return `/erogatore/pes${params.size ? `?${params}` : ''}`;
  };
  const count = all.totalExact ? String(all.total) : `Oltre ${PES_COUNT_CAP.toLocaleString('it-IT')}`;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/erogatore', label: 'Cruscotto' }}>Tutti i PES</PageHeader>
      <PesSearch q={q} />
      <p role="status">
        {`${count} PES${all.q ? ` per «${all.q}»` : ''} — pagina ${all.page}${all.pages === null ? '' : ` di ${all.pages}`}`}
      </p>
      {all.rows.length ? (
        <PesTable caption="Tutti i PES, dal più recente" rows={all.rows} column="status" now={clockNow()} />
      ) : (
        <p>{all.q ? 'Nessun PES corrisponde alla ricerca.' : 'Nessun PES ancora.'}</p>
      )}
      <Pager label="Pagine di tutti i PES" page={all.page} pages={all.pages} hasNext={all.hasNext} href={href} />
    </div>
  );
}
