import type { ReactNode } from 'react';
import { StatusBadge } from './status-badge';
import type { Tone } from '@/lib/domain/labels';

/**
 * The facts of one PES as every role reads them (family voucher page, provider card, office file).
 * Values arrive formatted: this component is shared by server and client components and does no I/O.
 */
export type PesFactsData = {
  family?: { name: string; codiceFiscale: string };
  voucherNumber?: string;
  children: string;
  kind?: string;
  provider?: string;
  band: string | null;
  hours: number;
  amount: string;
  status?: { label: string; tone: Tone };
  used?: { amount: string; hours: number | null; freed: string } | null;
  requestedAt?: string | null;
  document?: { id: string; fileName: string; size: string } | null;
};

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{term}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

export function PesFacts({ f }: { f: PesFactsData }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:text-base">
      {f.family ? (
        <Row term="Famiglia">
          {f.family.name} <span className="break-all text-muted">({f.family.codiceFiscale})</span>
        </Row>
      ) : null}
      {f.voucherNumber ? <Row term="Buono">{f.voucherNumber}</Row> : null}
      <Row term="Minori">{f.children}</Row>
      {f.kind ? <Row term="Tipologia">{f.kind}</Row> : null}
      {f.provider ? <Row term="Soggetto erogatore">{f.provider}</Row> : null}
      {f.band ? <Row term="Fascia">{f.band}</Row> : null}
      <Row term="Ore">{f.hours}</Row>
      <Row term="Importo">{f.amount}</Row>
      {f.status ? (
        <Row term="Stato">
          <StatusBadge label={f.status.label} tone={f.status.tone} />
        </Row>
      ) : null}
      {f.used ? (
        <Row term="Utilizzato">
          {f.used.amount} ({f.used.hours} ore) — liberati <strong>{f.used.freed}</strong>
        </Row>
      ) : null}
      {f.requestedAt ? <Row term="Richiesto il">{f.requestedAt}</Row> : null}
      {f.document ? (
        <Row term="PES concordato">
          <a href={`/api/files/${f.document.id}`} className="link" download>
            Visualizza {f.document.fileName}
          </a>{' '}
          <span className="text-muted">({f.document.size})</span>
        </Row>
      ) : null}
    </dl>
  );
}
