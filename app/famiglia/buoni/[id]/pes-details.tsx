import { PES_STATUS_TONE, StatusBadge } from '@/app/_components/status-badge';
import type { PesSummary } from './pes-summary';

export function PesDetails({ p }: { p: PesSummary }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:text-base">
      <dt className="font-semibold">Minore</dt>
      <dd>{p.children}</dd>
      <dt className="font-semibold">Soggetto erogatore</dt>
      <dd>{p.provider}</dd>
      {p.band ? (
        <>
          <dt className="font-semibold">Fascia</dt>
          <dd>{p.band}</dd>
        </>
      ) : null}
      <dt className="font-semibold">Ore</dt>
      <dd>{p.hours}</dd>
      <dt className="font-semibold">Importo</dt>
      <dd>{p.amount}</dd>
      <dt className="font-semibold">Stato</dt>
      <dd>
        <StatusBadge label={p.statusLabel} tone={PES_STATUS_TONE[p.status]} />
      </dd>
      {p.used !== null ? (
        <>
          <dt className="font-semibold">Utilizzato</dt>
          <dd>
            {p.used} ({p.hoursUsed} ore) — liberati <strong>{p.freed}</strong>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
