'use client';
import { useLocale, useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { moneyInputMessageWith } from '@/lib/i18n/money-message-with';
import { summerFieldMessage, valueAt } from '@/lib/validation/summer-messages';

/**
 * The browser's side of lib/i18n/summer-field-text.ts: the summer rows' field messages (dotted path → message
 * or code) in the family's language, with the client catalogue (Money, SummerPes).
 */
export function useSummerFieldText() {
  const locale = useLocale();
  const money = useTranslations('Money');
  const t = useTranslations('SummerPes');
  return useCallback(
    (errors: Record<string, string>, values: unknown) =>
      Object.fromEntries(
        Object.entries(errors).map(([path, message]) => {
          const m = summerFieldMessage(message, valueAt(values, path));
          if (m.ns === 'SummerPes') return [path, t(m.key, m.values)];
          if (m.ns !== 'Money') return [path, m.text];
          return [path, moneyInputMessageWith(money, m.key, m.value, locale)];
        }),
      ),
    [locale, money, t],
  );
}
