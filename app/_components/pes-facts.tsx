import { useLocale, useTranslations } from 'next-intl';
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

// Styled by `.pes-facts` in globals.css: a voucher page can list sixty of these (P2), so no class per term.
function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * The terms come from the catalogue (staff read Italian); a provider's name is an Italian proper name, marked
 * lang="it" on an English page.
 */
export function PesFacts({ f }: { f: PesFactsData }) {
  const t = useTranslations('PesFacts');
  const italianPage = useLocale() === 'it';
  return (
    <dl className="pes-facts">
      {f.family ? (
        <Row term={t('family')}>
          {f.family.name} <span className="break-all text-muted">({f.family.codiceFiscale})</span>
        </Row>
      ) : null}
      {f.voucherNumber ? <Row term={t('voucher')}>{f.voucherNumber}</Row> : null}
      <Row term={t('children')}>{f.children}</Row>
      {f.kind ? <Row term={t('kind')}>{f.kind}</Row> : null}
      {f.provider ? (
        <Row term={t('provider')}>{italianPage ? f.provider : <span lang="it">{f.provider}</span>}</Row>
      ) : null}
      {f.band ? <Row term={t('band')}>{f.band}</Row> : null}
      <Row term={t('hours')}>{f.hours}</Row>
      <Row term={t('amount')}>{f.amount}</Row>
      {f.status ? (
        <Row term={t('status')}>
          <StatusBadge label={f.status.label} tone={f.status.tone} />
        </Row>
      ) : null}
      {f.used ? (
        <Row term={t('used')}>
          {t.rich('usedText', {
            amount: f.used.amount,
            hours: f.used.hours ?? '',
            freed: f.used.freed,
            strong: (c) => <strong>{c}</strong>,
          })}
        </Row>
      ) : null}
      {f.requestedAt ? <Row term={t('requestedAt')}>{f.requestedAt}</Row> : null}
      {f.document ? (
        <Row term={t('document')}>
          <a href={`/api/files/${f.document.id}`} className="link" download>
            {t('view', { fileName: f.document.fileName })}
          </a>{' '}
          <span className="text-muted">({f.document.size})</span>
        </Row>
      ) : null}
    </dl>
  );
}
