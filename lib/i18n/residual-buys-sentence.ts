import type { Locale } from '@/lib/domain/locale';
import { formatMoney, formatMoneyPlain } from '@/lib/domain/money';
import type { ResidualBuys } from '@/lib/domain/summer';
import { translatorFor } from './translator';

/**
 * "Con 1.032,45 € puoi avere fino a 57 ore di babysitting per un minore (18,00 €/h) o 45 ore per due o più
 * minori (22,50 €/h), oppure servizi estivi fino a 1.032,45 €" — or "With €1,032.45 you can have …".
 */
export function residualBuysSentence(b: ResidualBuys, locale: Locale): string | null {
  if (b.residualCents <= 0) return null;
  const t = translatorFor(locale, 'VoucherPage');
  const money = (c: number) => formatMoney(c, locale);
  const perHour = (c: number) => t('perHour', { rate: formatMoneyPlain(c, locale) });
  const babysitting = b.babysitting
    ? t('buysBabysitting', {
        one: b.babysitting.oneChild.hours,
        oneRate: perHour(b.babysitting.oneChild.rateCents),
        multi: b.babysitting.multiChild.hours,
        multiRate: perHour(b.babysitting.multiChild.rateCents),
      })
    : null;
  const summer = b.summerUpToCents !== null ? t('buysSummer', { amount: money(b.summerUpToCents) }) : null;
  const amount = money(b.residualCents);
  if (babysitting && summer) return t('buysBoth', { amount, babysitting, summer });
  const what = babysitting ?? summer;
  return what ? t('buysOne', { amount, what }) : null;
}
