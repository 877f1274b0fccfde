import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import { plainText, translatorFor } from '@/lib/i18n/translator';

export type DecisionMailTo = {
  givenName: string;
  familyName: string;
  voucherNumber: string;
  protocolNumber: string | null;
  href?: string;
};
type ApprovedPes = { code: string; providerName: string; hours: number; amountCents: number };

export const emailText = (locale: Locale) => translatorFor(locale, 'Emails');

const ref = (m: DecisionMailTo, locale: Locale) => {
  const t = emailText(locale);
  return m.protocolNumber
    ? t.markup('referenceWithProtocol', { voucher: m.voucherNumber, protocol: m.protocolNumber, ...plainText })
    : t.markup('reference', { voucher: m.voucherNumber, ...plainText });
};

/** Convalida: the family may start the services with the providers. */
export function conversionApprovedMessage(m: DecisionMailTo & { pes: ApprovedPes[] }, locale: Locale = 'it') {
  const t = emailText(locale);
  return {
    subject: t('approvedSubject', { voucher: m.voucherNumber }),
    paragraphs: [
      t('greeting', { name: `${m.givenName} ${m.familyName}` }),
      t.markup('approvedBody', { reference: ref(m, locale), ...plainText }),
      t('approvedServices'),
      ...m.pes.map((p) =>
        t('approvedPes', {
          code: p.code,
          provider: p.providerName,
          hours: p.hours,
          amount: formatMoney(p.amountCents, locale),
        }),
      ),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openVoucher') } } : {}),
  };
}

export { ref as decisionReference };
