import { formatDate } from '@/lib/domain/dates';
import type { Locale } from '@/lib/domain/locale';
import { plainText } from '@/lib/i18n/translator';
import { decisionReference, emailText, type DecisionMailTo } from './conversion-approved';

/**
 * Richiedi integrazione: what to correct, by when (the office's term is suspended meanwhile), and that the same
 * protocol number is kept when signing again.
 */
export function conversionReturnedMessage(
  m: DecisionMailTo & { reason: string; answerBy?: Date },
  locale: Locale = 'it',
) {
  const t = emailText(locale);
  return {
    subject: t('returnedSubject', { voucher: m.voucherNumber }),
    paragraphs: [
      t('greeting', { name: `${m.givenName} ${m.familyName}` }),
      t.markup('returnedBody', { reference: decisionReference(m, locale), reason: m.reason, ...plainText }),
      ...(m.answerBy ? [t('returnedAnswerBy', { date: formatDate(m.answerBy, locale) })] : []),
      t.markup('returnedWhatToDo', plainText),
    ],
    ...(m.href ? { link: { href: m.href, label: t('returnedLink') } } : {}),
  };
}
