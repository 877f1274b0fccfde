import type { Locale } from '@/lib/domain/locale';
import { summerFieldMessage, valueAt } from '@/lib/validation/summer-messages';
import { moneyInputMessage } from './money-message';
import { translatorFor } from './translator';

/**
 * The summer page's field errors (dotted path → message or code, summer-messages.ts) in `locale`; `values`
 * is the page as posted, for the money messages that quote what was typed.
 */
export function summerFieldTexts(errors: Record<string, string>, values: unknown, locale: Locale) {
  const t = translatorFor(locale, 'SummerPes');
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const m = summerFieldMessage(message, valueAt(values, path));
      if (m.ns === 'Money') return [path, moneyInputMessage(m.key, m.value, locale)];
      if (m.ns === 'SummerPes') return [path, t(m.key, m.values)];
      return [path, m.text];
    }),
  );
}
