import 'server-only';
import {
  AppError,
  ERROR_MESSAGES,
  type ActionResult,
  type ErrorCode,
  type RefusalDetail,
  type RefusalValues,
} from '@/lib/app-error';
import type { Locale } from '@/lib/domain/locale';
import { formatMoney } from '@/lib/domain/money';
import type { Messages } from './messages';
import { requestLocale } from './request-locale';
import { translatorFor } from './translator';

export type RefusalKey = Exclude<keyof Messages['Refusals'], 'code'>;
type Said = { key: string; values?: RefusalValues };

const LISTS: Record<Locale, Intl.ListFormat> = {
  it: new Intl.ListFormat('it', { type: 'disjunction' }),
  en: new Intl.ListFormat('en', { type: 'disjunction' }),
};

/**
 * A refusal's words in `locale`. Values are stored locale-free: `…Cents` amounts are written as money and
 * lists as alternatives ("A o B", "A or B") the reader's way. Refusals are plain text (no <it> marks): they
 * name the guide's buttons by their English words, which the buttons also show.
 */
export function sayRefusal(locale: Locale, { key, values }: Said): string {
  const v: Record<string, string | number> = {};
  for (const [k, x] of Object.entries(values ?? {})) {
    if (Array.isArray(x)) v[k] = LISTS[locale].format(x);
    else if (k.endsWith('Cents') && typeof x === 'number') v[k.slice(0, -5)] = formatMoney(x, locale);
    else v[k] = x;
  }
  const t = translatorFor(locale, 'Refusals') as unknown as (k: string, v?: Record<string, string | number>) => string;
  return t(key, v);
}

export const sayFields = (locale: Locale, fields: Record<string, Said>) =>
  Object.fromEntries(Object.entries(fields).map(([path, s]) => [path, sayRefusal(locale, s)]));

/**
 * A business refusal whose words come from the catalogue (Refusals.<key>): Italian in `message` and
 * `fieldErrors`, as every service's refusal, and keyed for the action to say it in the family's language.
 */
export function refusal(code: ErrorCode, key: RefusalKey, values?: RefusalValues, fields?: Record<string, Said>) {
  const detail: RefusalDetail = { key, ...(values ? { values } : {}), ...(fields ? { fields } : {}) };
  return new AppError(code, sayRefusal('it', { key, values }), fields && sayFields('it', fields), detail);
}

/** An upload's refusal code (an ErrorCode or a PdfRefusal: lib/storage/check-pdf.ts) → its catalogue key. */
export function uploadRefusalKey(code: string): string {
  return code in ERROR_MESSAGES ? `code.${code}` : `pdf_${code}`;
}

/** A refusal of some fields, with the code's general message. */
export function fieldRefusal(code: ErrorCode, fields: Record<string, Said>) {
  return new AppError(code, undefined, sayFields('it', fields), { key: `code.${code}`, fields });
}

/**
 * A family action's refusal in the reader's language. Italian readers (and every staff request) get the
 * message as the service wrote it. Otherwise a keyed refusal is said from the catalogue; one still written
 * only in Italian by its service falls back to its code's general message, never to Italian text.
 */
export async function inReaderLanguage<T>(r: ActionResult<T>): Promise<ActionResult<T>> {
  if (r.ok) return r;
  const { detail, ...rest } = r;
  const locale = await requestLocale().catch((): Locale => 'it');
  if (locale === 'it') return rest as ActionResult<T>;
  return {
    ...rest,
    message: sayRefusal(locale, detail ?? { key: `code.${r.code}` }),
    ...(detail?.fields ? { fieldErrors: { ...rest.fieldErrors, ...sayFields(locale, detail.fields) } } : {}),
  } as ActionResult<T>;
}
