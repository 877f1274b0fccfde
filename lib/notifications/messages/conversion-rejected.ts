import type { Locale } from '@/lib/domain/locale';
import { plainText } from '@/lib/i18n/translator';
import { decisionReference, emailText, type DecisionMailTo } from './conversion-approved';

/** Respingi: the reason, and that the new PES no longer hold the money. */
export function conversionRejectedMessage(m: DecisionMailTo & { reason: string }, locale: Locale = 'it') {
  const t = emailText(locale);
  return {
    subject: t('rejectedSubject', { voucher: m.voucherNumber }),
    paragraphs: [
      t('greeting', { name: `${m.givenName} ${m.familyName}` }),
      t.markup('rejectedBody', { reference: decisionReference(m, locale), reason: m.reason, ...plainText }),
      t.markup('rejectedAfter', plainText),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openVoucher') } } : {}),
  };
}
