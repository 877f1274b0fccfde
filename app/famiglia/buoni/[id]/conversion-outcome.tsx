import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/domain/dates';
import { italian } from '@/lib/i18n/italian';

type Conversion = {
  status: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  protocolNumber: string | null;
} | null;

/**
 * The office's decision on the family's voucher page; when returned, the reason and a direct link to what to
 * fix. A rejected request stays shown, with its protocol, above the new one the family may present.
 */
export function ConversionOutcome({
  voucherId,
  conversion: c,
  rejected = null,
  hasBabysitting,
}: {
  voucherId: string;
  conversion: Conversion;
  rejected?: Conversion;
  hasBabysitting: boolean;
}) {
  const t = useTranslations('VoucherPage');
  const locale = useLocale();
  // Respingi is final for that request, not for the money: the new PES were cancelled and the freed amount is free again.
  if (rejected?.decidedAt && c?.status !== 'approved' && !c?.submittedAt) {
    const values = {
      when: formatDateTime(rejected.decidedAt, locale),
      reason: rejected.decisionReason ?? '',
      protocol: rejected.protocolNumber ?? '',
      it: italian,
    };
    return (
      <Alert kind="warning" title={t('rejectedTitle')}>
        <p>{t.rich(rejected.protocolNumber ? 'rejectedTextProtocol' : 'rejectedText', values)}</p>
        <p data-testid="nuova-richiesta">{t('rejectedNew')}</p>
      </Alert>
    );
  }
  if (!c?.submittedAt || !c.decidedAt) return null;
  const when = formatDateTime(c.decidedAt, locale);
  if (c.status === 'approved') {
    return (
      <Alert kind="success" title={t('approvedTitle')}>
        {t.rich('approvedText', { when, it: italian })}
      </Alert>
    );
  }
  // Returned, and possibly already being corrected (draft / awaiting validation / ready): until it is signed again.
  if (['returned', 'draft', 'awaiting_validation', 'ready_to_submit'].includes(c.status)) {
    return (
      <div id="integrazione">
        <Alert kind="warning" title={t('returnedTitle')}>
          <p>
            {t.rich(c.protocolNumber ? 'returnedTextProtocol' : 'returnedText', {
              when,
              reason: c.decisionReason ?? '',
              protocol: c.protocolNumber ?? '',
              it: italian,
            })}
          </p>
          <p>{t('returnedHelp')}</p>
          <ul className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
            <li>
              <a href="#nuovi-pes" className="link">
                {t('goToNew')}
              </a>
            </li>
            {hasBabysitting ? (
              <li>
                <Link href={`/famiglia/buoni/${voucherId}/babysitting`} className="link">
                  {t('babysittingLink')}
                </Link>
              </li>
            ) : null}
            <li>
              <Link href={`/famiglia/buoni/${voucherId}/estivi`} className="link">
                {t('summerLink')}
              </Link>
            </li>
          </ul>
        </Alert>
      </div>
    );
  }
  return null;
}
