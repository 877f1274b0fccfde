import { ioContentFromEmail, type IoContent } from '@/lib/domain/io-message';
import type { Locale } from '@/lib/domain/locale';
import { translatorFor } from '@/lib/i18n/translator';
import { conversionApprovedMessage } from './messages/conversion-approved';
import { conversionRejectedMessage } from './messages/conversion-rejected';
import { conversionReturnedMessage } from './messages/conversion-returned';
import { familyIntegrationReminder, familyOfficeTermPassed } from './messages/term-reminders';

type EmailContent = { subject: string; paragraphs: string[]; link?: { href: string; label: string } };

// The reminders' builders also name their job kind; the message itself is the rest.
const withoutKind = <T extends { kind: string }>({ kind: _kind, ...content }: T) => content;

/**
 * The family messages that also go to App IO, one line per kind: the e-mail's builder. The IO message is the
 * same content as Markdown (ioContentFromEmail); tests/unit/family-messages.test.ts checks IO's length rules
 * for every kind, so a kind added here without its samples there does not compile.
 */
export const FAMILY_MESSAGES = {
  conversion_approved: conversionApprovedMessage,
  conversion_rejected: conversionRejectedMessage,
  conversion_returned: conversionReturnedMessage,
  family_integration_reminder: (m: Parameters<typeof familyIntegrationReminder>[0], locale: Locale) =>
    withoutKind(familyIntegrationReminder(m, locale)),
  family_office_term_passed: (m: Parameters<typeof familyOfficeTermPassed>[0], locale: Locale) =>
    withoutKind(familyOfficeTermPassed(m, locale)),
} satisfies Record<string, (data: never, locale: Locale) => EmailContent>;

export type FamilyMessageKind = keyof typeof FAMILY_MESSAGES;
export type FamilyMessageData<K extends FamilyMessageKind> = Parameters<(typeof FAMILY_MESSAGES)[K]>[0];

/** In the family's language (users.locale; Italian when never chosen). */
export function familyEmailContent<K extends FamilyMessageKind>(
  kind: K,
  data: FamilyMessageData<K>,
  locale: Locale = 'it',
): EmailContent {
  return (FAMILY_MESSAGES[kind] as (d: FamilyMessageData<K>, l: Locale) => EmailContent)(data, locale);
}

export function familyIoContent<K extends FamilyMessageKind>(
  kind: K,
  data: FamilyMessageData<K>,
  locale: Locale = 'it',
): IoContent {
  return ioContentFromEmail(familyEmailContent(kind, data, locale), translatorFor(locale, 'FamilyEmails')('ioCutNote'));
}
