import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import { translatorFor } from '@/lib/i18n/translator';

/** To the family: the provider validated a new PES, or rejected it with a reason. */
export function pesValidationDecidedMessage(
  m: {
    givenName: string;
    familyName: string;
    voucherNumber: string;
    pes: { code: string; hours: number; amountCents: number };
    validated: boolean;
    reason: string | null;
    href?: string;
  },
  locale: Locale = 'it',
) {
  const t = translatorFor(locale, 'FamilyEmails');
  const { code, hours } = m.pes;
  return {
    subject: t('pesDecidedSubject', { code, validated: String(m.validated) }),
    paragraphs: [
      translatorFor(locale, 'Emails')('greeting', { name: `${m.givenName} ${m.familyName}` }),
      m.validated
        ? t('pesValidatedBody', {
            code,
            hours,
            amount: formatMoney(m.pes.amountCents, locale),
            voucher: m.voucherNumber,
          })
        : t('pesRejectedBody', { code, reason: m.reason ?? '' }),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openChangePes') } } : {}),
  };
}
