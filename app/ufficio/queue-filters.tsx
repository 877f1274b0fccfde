import Link from 'next/link';
import {
  QUEUE_ASSIGNMENTS,
  QUEUE_MEASURES,
  QUEUE_STATUSES,
  QUEUE_TERMS,
  type QueueFilters,
} from '@/db/queries/office/queue-query';
import {
  QUEUE_ASSIGNMENT_LABELS,
  QUEUE_MEASURE_LABELS,
  QUEUE_STATUS_LABELS,
  QUEUE_TERM_LABELS,
} from '@/lib/validation/office-queue';

/** A plain GET form: the filters land in the URL, so a view can be bookmarked and shared (works without JavaScript). */
export function QueueFiltersForm({
  filters,
  providers,
}: {
  filters: QueueFilters;
  providers: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/ufficio"
      role="search"
      aria-label="Filtra le pratiche"
      className="card grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      <div className="sm:col-span-2 lg:col-span-3">
        <label htmlFor="q" className="mb-1 block font-semibold">
          Cerca
        </label>
        <p id="q-hint" className="mb-1 text-sm text-muted">
          Codice fiscale, cognome, numero del buono o numero di protocollo (anche solo l’inizio).
        </p>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ''}
          maxLength={40}
          className="field-input"
          aria-describedby="q-hint"
        />
      </div>
      <Select
        id="stato"
        label="Stato"
        value={filters.stato}
        options={QUEUE_STATUSES.map((s) => [s, QUEUE_STATUS_LABELS[s]])}
      />
      <Select
        id="misura"
        label="Misura"
        value={filters.misura ?? ''}
        options={[
          ['', 'Tutte le misure'],
          ...QUEUE_MEASURES.map((m) => [m, QUEUE_MEASURE_LABELS[m]] as [string, string]),
        ]}
      />
      <Select
        id="ente"
        label="Soggetto erogatore"
        value={filters.ente ?? ''}
        options={[['', 'Tutti i soggetti erogatori'], ...providers.map((p) => [p.id, p.name] as [string, string])]}
      />
      <Select
        id="incarico"
        label="In carico"
        value={filters.incarico ?? ''}
        options={[
          ['', 'Tutte, assegnate o no'],
          ...QUEUE_ASSIGNMENTS.map((a) => [a, QUEUE_ASSIGNMENT_LABELS[a]] as [string, string]),
        ]}
      />
      <Select
        id="termine"
        label="Termine per decidere (pratiche inviate)"
        value={filters.termine ?? ''}
        options={[['', 'Tutti'], ...QUEUE_TERMS.map((k) => [k, QUEUE_TERM_LABELS[k]] as [string, string])]}
      />
      <Select
        id="ordine"
        label="Ordina per"
        value={filters.ordine ?? 'invio'}
        options={[
          ['invio', 'Data di invio (dalla più vecchia)'],
          ['termine', 'Scadenza del termine (dalla più vicina)'],
        ]}
      />
      <div>
        <label htmlFor="dal" className="mb-1 block font-semibold">
          Inviate dal
        </label>
        <input id="dal" name="dal" type="date" defaultValue={filters.dal ?? ''} className="field-input" />
      </div>
      <div>
        <label htmlFor="al" className="mb-1 block font-semibold">
          Inviate fino al
        </label>
        <input id="al" name="al" type="date" defaultValue={filters.al ?? ''} className="field-input" />
      </div>
      <div className="flex flex-col gap-3 sm:col-span-2 sm:flex-row sm:items-center lg:col-span-3">
        <button type="submit" className="btn-primary">
          Filtra
        </button>
        <Link href="/ufficio" className="link">
          Azzera i filtri
        </Link>
      </div>
    </form>
  );
}

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: (readonly [string, string])[];
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value} className="field-input">
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
