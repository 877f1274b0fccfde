import { useTranslations } from 'next-intl';
import type { ReceiptView } from '@/lib/domain/receipt';

/**
 * The receipt's content (the PDF prints the same view): what was signed, from the stored dossier. Shared with
 * the office's receipt page, where the request resolves to Italian.
 */
export function ReceiptDetails({ view }: { view: ReceiptView }) {
  const t = useTranslations('Receipt');
  return (
    <div className="space-y-4">
      <dl className="card grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('protocol')}</dt>
        <dd className="text-xl font-bold" data-testid="protocollo">
          {view.protocolNumber}
        </dd>
        <dt className="font-semibold">{t('submittedAt')}</dt>
        <dd>{view.submittedAt}</dd>
        <dt className="font-semibold">{t('holder')}</dt>
        <dd>{view.holder}</dd>
        <dt className="font-semibold">{t('voucher')}</dt>
        <dd>{view.voucher}</dd>
      </dl>
      <section aria-labelledby="r-chiusi" className="card space-y-2">
        <h2 id="r-chiusi" className="text-xl font-bold">
          {t('closedHeading')}
        </h2>
        <ul className="space-y-1">
          {view.closedPes.map((p) => (
            <li key={p.title}>
              <strong>{p.title}</strong>: {p.text}
            </li>
          ))}
        </ul>
        <p className="font-semibold">{t('freedTotal', { amount: view.freed })}</p>
      </section>
      <section aria-labelledby="r-nuovi" className="card space-y-2">
        <h2 id="r-nuovi" className="text-xl font-bold">
          {t('newHeading')}
        </h2>
        {view.newPes.map((p) => (
          <div key={p.title}>
            <h3 className="font-bold">{p.title}</h3>
            <ul>
              {p.lines.map((l) => (
                <li key={l} className="break-all sm:break-normal">
                  {l}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p className="font-semibold">{t('committedTotal', { committed: view.committed, residual: view.residual })}</p>
      </section>
      <section aria-labelledby="r-dich" className="card space-y-2">
        <h2 id="r-dich" className="text-xl font-bold">
          {t('declarationsHeading')}
        </h2>
        <ul>
          {view.declarations.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
        <p>{view.signature}</p>
        <p className="break-all">
          {t('signedShaLabel')} <code data-testid="sha256-fascicolo">{view.dossierSha256}</code>
        </p>
      </section>
      <section aria-labelledby="r-dopo" className="card">
        <h2 id="r-dopo" className="text-xl font-bold">
          {t('nextHeading')}
        </h2>
        <p>{view.next}</p>
      </section>
    </div>
  );
}
