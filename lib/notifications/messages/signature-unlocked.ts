import type { Locale } from '@/lib/domain/locale';
import { plainText, translatorFor } from '@/lib/i18n/translator';

/** Sblocca la firma: the family may ask for a new OTP code again. */
export function signatureUnlockedMessage(
  m: { givenName: string; familyName: string; voucherNumber: string; href?: string },
  locale: Locale = 'it',
) {
  const t = translatorFor(locale, 'FamilyEmails');
  return {
    subject: t('unlockedSubject', { voucher: m.voucherNumber }),
    paragraphs: [
      translatorFor(locale, 'Emails')('greeting', { name: `${m.givenName} ${m.familyName}` }),
      t.markup('unlockedBody', { voucher: m.voucherNumber, ...plainText }),
      t('unlockedAfter'),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openChangePes') } } : {}),
  };
}
