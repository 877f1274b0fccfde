import Link from 'next/link';
import { PES_STATUS_TONE, StatusBadge } from '@/app/_components/status-badge';
import { ageInYears } from '@/lib/domain/bands';
import { formatDateIt, isoDate } from '@/lib/domain/dates';
import { formatEuro } from '@/lib/domain/money';
import { PES_STATUS_LABELS, type PesStatus } from '@/lib/domain/state-machines';

export type ProviderPesRow = {
  id: string;
  code: string;
  kind: string;
  band: string | null;
  hours: number;
  amountCents: number;
  status: string;
  closeRequestedAt: Date | null;
  validationRequestedAt: Date | null;
  voucherNumber: string;
  familyGivenName: string;
  familyFamilyName: string;
  familyCodiceFiscale: string;
  children: { givenName: string; familyName: string; birthDate: string }[];
};

const KIND = { standard: 'PES ordinario', babysitting_covid: 'Babysitting domiciliare EMERGENZA COVID-19', summer_covid: 'Servizi Estivi EMERGENZA COVID-19' } as const;

export function ProviderPesCard({ p, action, headingLevel = 3 }: { p: ProviderPesRow; action?: string; headingLevel?: 2 | 3 }) {
  const today = isoDate(new Date());
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const requested = p.status === 'close_requested' ? p.closeRequestedAt : p.status === 'awaiting_validation' ? p.validationRequestedAt : null;
  return (
    <article className="card space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <H className="text-lg font-bold">PES {p.code}</H>
        <StatusBadge label={PES_STATUS_LABELS[p.status as PesStatus] ?? p.status} tone={PES_STATUS_TONE[p.status]} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:text-base">
        <dt className="font-semibold">Famiglia</dt>
        <dd>
          {p.familyGivenName} {p.familyFamilyName} <span className="break-all text-muted">({p.familyCodiceFiscale})</span>
        </dd>
        <dt className="font-semibold">Buono</dt>
        <dd>{p.voucherNumber}</dd>
        <dt className="font-semibold">Minori</dt>
        <dd>{p.children.map((c) => `${c.givenName} ${c.familyName} (${ageInYears(c.birthDate, today)} anni)`).join(', ')}</dd>
        <dt className="font-semibold">Tipologia</dt>
        <dd>{KIND[p.kind as keyof typeof KIND] ?? p.kind}</dd>
        {p.band ? (
          <>
            <dt className="font-semibold">Fascia</dt>
            <dd>{p.band}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Ore</dt>
        <dd>{p.hours}</dd>
        <dt className="font-semibold">Importo</dt>
        <dd>{formatEuro(p.amountCents)}</dd>
        {requested ? (
          <>
            <dt className="font-semibold">Richiesto il</dt>
            <dd>{formatDateIt(requested)}</dd>
          </>
        ) : null}
      </dl>
      {action ? (
        <Link href={`/erogatore/pes/${p.id}`} className="btn-primary" aria-label={`${action}: PES ${p.code}`}>
          {action}
        </Link>
      ) : null}
    </article>
  );
}
