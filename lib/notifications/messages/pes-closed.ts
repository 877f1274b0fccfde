import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import { plainText, translatorFor } from '@/lib/i18n/translator';

/** To the family: the provider closed a PES, and what it freed can now be converted. */
export function pesClosedMessage(
  m: {
    givenName: string;
    familyName: string;
    voucherNumber: string;
    pes: { code: string; amountCents: number; hours: number };
    usedCents: number;
    hoursUsed: number;
    href?: string;
  },
  locale: Locale = 'it',
) {
  const t = translatorFor(locale, 'FamilyEmails');
  const money = (c: number) => formatMoney(c, locale);
  return {
    subject: t('pesClosedSubject', { code: m.pes.code, voucher: m.voucherNumber }),
    paragraphs: [
      translatorFor(locale, 'Emails')('greeting', { name: `${m.givenName} ${m.familyName}` }),
      t('pesClosedBody', {
        code: m.pes.code,
        used: money(m.usedCents),
        amount: money(m.pes.amountCents),
        hoursUsed: m.hoursUsed,
        hours: m.pes.hours,
      }),
      t.markup('pesClosedFreed', { freed: money(m.pes.amountCents - m.usedCents), ...plainText }),
    ],
    ...(m.href ? { link: { href: m.href, label: t('openChangePes') } } : {}),
  };
}
