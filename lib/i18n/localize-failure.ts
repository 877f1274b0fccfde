import { ERROR_MESSAGES } from '@/lib/app-error';
import type { Locale } from '@/lib/domain/locale';
import { MSG, ruleMessages, type RuleKey } from '@/lib/validation/family-pes-rules';
import employment from '@/messages/it/EmploymentDialog.json';
import { plainText, translatorFor } from './translator';

type Failure = { ok: false; code: keyof typeof ERROR_MESSAGES; message: string; fieldErrors?: Record<string, string> };

// The family PES schemas are shared with the browser's checks and carry the Italian catalogue's words (MSG):
// known by their text, they are said again in the family's language.
const RULE_BY_TEXT = new Map(Object.entries(MSG).map(([k, v]) => [v, k as RuleKey]));

/**
 * A refused family action in the family's language: the code's own message (AppErrors) and the field
 * messages of the family PES rules. Messages a service wrote for the case are already in that language
 * (it was given the locale); anything else is left as it came.
 */
export function localizeFailure<R extends { ok: boolean }>(r: R, locale: Locale): R {
  if (r.ok || locale === 'it') return r;
  const f = r as unknown as Failure;
  const rules = ruleMessages((k, v) => translatorFor(locale, 'FamilyPesRules')(k, v));
  const field = (m: string) => {
    const key = RULE_BY_TEXT.get(m);
    if (key) return rules[key];
    return m === employment.selectCondition ? translatorFor(locale, 'EmploymentDialog')('selectCondition') : m;
  };
  const message =
    f.message === ERROR_MESSAGES[f.code] ? translatorFor(locale, 'AppErrors').markup(f.code, plainText) : f.message;
  const fieldErrors = f.fieldErrors
    ? Object.fromEntries(Object.entries(f.fieldErrors).map(([k, m]) => [k, field(m)]))
    : undefined;
  return { ...r, message, ...(fieldErrors ? { fieldErrors } : {}) };
}
