import type { Locale } from '@/lib/domain/locale';
import type { MoneyInputError } from '@/lib/domain/money';
import { moneyInputMessageWith } from './money-message-with';
import { translatorFor } from './translator';

/** What to tell a family whose amount parseMoneyInput refused, in its language (moneyInputMessageWith). */
export function moneyInputMessage(error: MoneyInputError, value: string, locale: Locale): string {
  return moneyInputMessageWith(translatorFor(locale, 'Money'), error, value, locale);
}
