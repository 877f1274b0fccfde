import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/domain/locale';
import { MESSAGES, type Messages } from './messages';

/**
 * A translator outside a request (e-mails, SMS and PDFs written for a family in its stored language): the
 * same catalogue as the pages.
 */
export function translatorFor<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}

/** Plain text from a message that marks Italian phrases with <it>…</it> (e-mails and SMS have no markup). */
export const plainText = { it: (chunks: string) => chunks };
