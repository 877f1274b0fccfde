import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { officeScope } from '@/lib/auth/office-scope';
import { activeOfficeClerks } from '@/db/queries/office/office-clerks';
import { providerOptions } from '@/db/queries/office/provider-options';
import { officeQueue } from '@/db/queries/office/queue';
import { requireRole } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import type { QueueStatus } from '@/db/queries/office/queue-query';
import {
  filtersToSearch,
  officeQueueQuerySchema,
  QUEUE_STATUS_LABELS,
  searchParamsRecord,
} from '@/lib/validation/office-queue';
import { AssignmentOutcome } from './_components/assignment-state';
import { QueueFiltersForm } from './queue-filters';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Richieste di convalida' };

const TABS: Exclude<QueueStatus, 'tutte'>[] = ['inviate', 'da_integrare', 'convalidate', 'respinte'];

/** The office queue: signed conversions, oldest submitted first or soonest term first, filtered through the URL (one query schema). */
export default async function OfficeQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('office');
  const query = officeQueueQuerySchema.parse(searchParamsRecord(await searchParams));
  const db = await getDb();
  const scope = officeScope(actor);
  const now = clockNow();
  const [page, providers, clerks] = await Promise.all([
    officeQueue(db, scope, query, now),
    providerOptions(db, scope),
    activeOfficeClerks(db, scope),
  ]);
  const filters = {
    stato: query.stato,
    termine: query.termine,
    ordine: query.ordine,
    misura: query.misura,
    ente: query.ente,
    dal: query.dal,
    al: query.al,
    q: query.q,
    incarico: query.incarico,
  };
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Richieste di convalida</h1>

      <nav aria-label="Pratiche per stato">
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-4">
          {TABS.map((tab) => (
            <li key={tab}>
              <Link
                href={`/ufficio${filtersToSearch({ ...filters, stato: tab })}`}
                aria-current={query.stato === tab ? 'page' : undefined}
                className={`card block no-underline hover:border-pat-blue ${query.stato === tab ? 'border-2 border-pat-blue' : ''}`}
              >
                <span className="block text-3xl font-bold text-pat-blue-dark" data-testid={`count-${tab}`}>
                  {page.counts[tab]}
                </span>
                <span className="block font-semibold text-ink">{QUEUE_STATUS_LABELS[tab].toLowerCase()}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <QueueFiltersForm filters={filters} providers={providers} />

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p role="status" className="font-semibold" data-testid="queue-total">
          {!page.totalExact
            ? `Più di ${page.total} pratiche`
            : page.total === 1
              ? '1 pratica'
              : `${page.total} pratiche`}{' '}
          — {QUEUE_STATUS_LABELS[query.stato].toLowerCase()}
        </p>
        <a href={`/ufficio/esporta${filtersToSearch(filters)}`} className="btn-secondary" download>
          Esporta CSV
        </a>
      </div>

      {page.rows.length === 0 ? (
        <p>Nessuna pratica corrisponde ai filtri.</p>
      ) : (
        <AssignmentOutcome me={actor.userId} clerks={clerks} form>
          <QueueTable rows={page.rows} now={now} me={actor.userId} />
        </AssignmentOutcome>
      )}

      {page.prevCursor || page.nextCursor ? (
        <nav aria-label="Pagine" className="flex flex-wrap gap-x-6 gap-y-2">
          {page.prevCursor ? (
            <>
              <Link href={`/ufficio${filtersToSearch(filters)}`} className="link">
                « Prima pagina
              </Link>
              <Link
                href={`/ufficio${filtersToSearch(filters, { prima: page.prevCursor })}`}
                className="link"
                rel="prev"
              >
                ← Pagina precedente
              </Link>
            </>
          ) : null}
          {page.nextCursor ? (
            <Link href={`/ufficio${filtersToSearch(filters, { dopo: page.nextCursor })}`} className="link" rel="next">
              Pagina successiva →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
