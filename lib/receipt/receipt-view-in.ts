import type { Locale } from '@/lib/domain/locale';
import { receiptView, type ReceiptInput, type ReceiptText, type ReceiptView } from '@/lib/domain/receipt';
import { translatorFor } from '@/lib/i18n/translator';

/**
 * The receipt in `locale`: the family reads it in its language (page, download, e-mailed PDF); the office
 * reads every receipt in Italian (docs/architecture.md, Languages).
 */
export function receiptViewIn(input: ReceiptInput, locale: Locale): ReceiptView {
  const t = translatorFor(locale, 'Receipt');
  // Keys built from stored values (a PES kind, a declaration) are checked by tests/unit/receipt.test.ts.
  return receiptView(input, locale, t as unknown as ReceiptText);
}
