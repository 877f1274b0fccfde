import type { Locale } from '@/lib/domain/locale';
import { formatMoney, formatMoneyPlain, MAX_INPUT_CENTS, type MoneyInputError } from '@/lib/domain/money';

type MoneyText = (key: MoneyInputError, values: Record<string, string>) => string;

/**
 * What to tell a family whose amount parseMoneyInput refused, in its language, with an example written the
 * way that language writes money ("1.234,56" / "1,234.56"). `t` reads the catalogue's Money namespace: the
 * server's translator (money-message.ts) or a client form's useTranslations('Money'), which must not bundle
 * the whole catalogue.
 */
export function moneyInputMessageWith(t: MoneyText, error: MoneyInputError, value: string, locale: Locale): string {
  switch (error) {
    case 'too_large':
      return t('too_large', { max: formatMoney(MAX_INPUT_CENTS, locale) });
    case 'ambiguous':
      return t('ambiguous', { value: value.trim().slice(0, 32), example: formatMoneyPlain(103245, locale) });
    default:
      return t(error, { example: formatMoneyPlain(123456, locale) });
  }
}
