import { PES_STATUS_TONE, StatusBadge } from '@/app/_components/status-badge';
import type { OfficeFilePes } from '@/db/queries/office/conversion-file';
import { ageInYears, BAND_LABELS, type Band } from '@/lib/domain/bands';
import { formatDateIt, formatDateTimeIt } from '@/lib/domain/dates';
import { formatEuro } from '@/lib/domain/money';
import { PES_STATUS_LABELS } from '@/lib/domain/labels';

const KIND = {
  standard: 'PES ordinario',
  babysitting_covid: 'Babysitting domiciliare EMERGENZA COVID-19',
  summer_covid: 'Servizi Estivi EMERGENZA COVID-19',
} as const;

/**
 * One PES in the office file: every fact the clerk checks. Kept as one small component so it can be
 * switched to the shared <PesFacts> (issue 8) in one place.
 */
export function OfficePes({ p, today }: { p: OfficeFilePes; today: string }) {
  return (
    <article className="card space-y-2" aria-labelledby={`pes-${p.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`pes-${p.id}`} className="text-lg font-bold">
          PES {p.code}
        </h3>
        <StatusBadge label={PES_STATUS_LABELS[p.status] ?? p.status} tone={PES_STATUS_TONE[p.status]} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:text-base">
        <dt className="font-semibold">Tipologia</dt>
        <dd>{KIND[p.kind as keyof typeof KIND] ?? p.kind}</dd>
        <dt className="font-semibold">Soggetto erogatore</dt>
        <dd>{p.providerName}</dd>
        <dt className="font-semibold">Minori</dt>
        <dd>
          {p.children
            .map((c) => `${c.givenName} ${c.familyName} (${ageInYears(c.birthDate, today)} anni)`)
            .join(', ') || '—'}
        </dd>
        {p.band ? (
          <>
            <dt className="font-semibold">Fascia</dt>
            <dd>{BAND_LABELS[p.band as Band] ?? p.band}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Ore</dt>
        <dd>{p.hours}</dd>
        <dt className="font-semibold">Importo</dt>
        <dd>
          {formatEuro(p.amountCents)}
          {p.hourlyRateCents ? ` (${formatEuro(p.hourlyRateCents)} l’ora a carico del buono)` : ''}
        </dd>
        {p.usedCents !== null ? (
          <>
            <dt className="font-semibold">Utilizzato</dt>
            <dd>
              {formatEuro(p.usedCents)} ({p.hoursUsed} ore) — liberati{' '}
              <strong>{formatEuro(p.amountCents - p.usedCents)}</strong>
              {p.closedAt ? `, chiuso il ${formatDateIt(p.closedAt)}` : ''}
            </dd>
          </>
        ) : null}
        {p.kind !== 'standard' ? (
          <>
            <dt className="font-semibold">Validazione</dt>
            <dd>
              {p.validation
                ? `validato da ${p.validation.name || 'soggetto erogatore'} il ${formatDateTimeIt(p.validation.at)}`
                : p.status === 'rejected'
                  ? `rifiutato: ${p.rejectionReason ?? ''}`
                  : 'non ancora validato'}
            </dd>
          </>
        ) : null}
        {p.kind === 'summer_covid' ? (
          <>
            <dt className="font-semibold">PES concordato</dt>
            <dd>
              {p.document ? (
                <span>
                  <a href={`/api/files/${p.document.id}`} className="link break-all" target="_blank" rel="noopener">
                    {p.document.fileName} (apri il PDF)
                  </a>
                  <span className="block break-all text-sm text-muted">
                    {Math.ceil(p.document.sizeBytes / 1024)} kB — SHA-256 {p.document.sha256}
                  </span>
                </span>
              ) : (
                'nessun documento caricato'
              )}
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
