import 'server-only';
import type { Locale } from '@/lib/domain/locale';
import { PASSWORD_MAX, PASSWORD_MESSAGES, PASSWORD_MIN } from '@/lib/domain/password-policy';
import { MESSAGES, type Messages } from '@/lib/i18n/messages';
import { translatorFor } from '@/lib/i18n/translator';

type ErrorKey = keyof Messages['PasswordReset']['errors'];
const isErrorKey = (k: string): k is ErrorKey => Object.hasOwn(MESSAGES.it.PasswordReset.errors, k);

/**
 * The refusals of «Ho smarrito la password» and of the new-password form in the reader's language. The schemas'
 * field messages are catalogue keys (lib/validation/auth.ts); the password policy speaks Italian to staff pages
 * too, so its reasons are recognised in the service's refusal and said again here.
 */
export function passwordResetErrors(locale: Locale) {
  const t = translatorFor(locale, 'PasswordReset');
  const say = (key: ErrorKey) => t(`errors.${key}`, { min: PASSWORD_MIN, max: PASSWORD_MAX });
  return {
    say,
    // A refusal without a key of its own (a length cap the browser already enforces) reads as "not valid".
    fields: (errors: Record<string, string>): Record<string, string> =>
      Object.fromEntries(Object.entries(errors).map(([field, m]) => [field, say(isErrorKey(m) ? m : 'invalid')])),
    policy: (refusal: string): string =>
      (Object.keys(PASSWORD_MESSAGES) as (keyof typeof PASSWORD_MESSAGES)[])
        .filter((k) => refusal.includes(PASSWORD_MESSAGES[k]))
        .map(say)
        .join(' ') || say('invalid'),
  };
}
