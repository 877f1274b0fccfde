import { createTranslator } from 'next-intl';
import en from '@/messages/en';
import it from '@/messages/it';

/** The language a journey reads the family side in. Staff pages are always Italian. */
export type Lang = 'it' | 'en';

type Tree = { [key: string]: string | Tree };
type Values = Record<string, string | number>;

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key] : keysOf(v, key);
  });
}

const KEYS = keysOf(it as Tree);

/** The message at a dotted key, as written in the catalogue (placeholders and tags included). */
function messageOf(lang: Lang, key: string): string | undefined {
  const raw = key.split('.').reduce<unknown>((t, k) => (t as Tree | undefined)?.[k], lang === 'it' ? it : en);
  return typeof raw === 'string' ? raw : undefined;
}
// A message that needs values the caller did not give never matches (no fallback text, no console noise).
const quiet = { timeZone: 'Europe/Rome', onError: () => undefined, getMessageFallback: () => '\u0000' } as const;
const TRANSLATORS = {
  it: createTranslator({ locale: 'it', messages: it, ...quiet }),
  en: createTranslator({ locale: 'en', messages: en, ...quiet }),
};
const normalise = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** A message as the page's text reads it: its tags (`<it>…</it>`, links, emphasis) become their content. */
function plain(lang: Lang, key: string, values: Values): string | undefined {
  const raw = messageOf(lang, key);
  if (typeof raw !== 'string') return undefined;
  const tags = Object.fromEntries([...raw.matchAll(/<(\w+)>/g)].map((m) => [m[1]!, (chunks: string) => chunks]));
  const markup = TRANSLATORS[lang].markup as (k: string, v: Record<string, unknown>) => string;
  try {
    const text = normalise(markup(key, { ...values, ...tags }));
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** The English of the messages that `matches` picks, if they agree on one. */
function english(italian: string, values: Values, matches: (key: string) => boolean): string | undefined {
  const found = new Set(KEYS.filter(matches).flatMap((key) => plain('en', key, values) ?? []));
  if (found.size > 1) throw new Error(`"${italian}" has ${found.size} English wordings: ${[...found].join(' | ')}`);
  return [...found][0];
}

/** For a label matched in part: the shortest messages that contain it (the label, not a sentence quoting it). */
function shortestContaining(wanted: string, values: Values): (key: string) => boolean {
  const lengths = new Map<string, number>();
  for (const key of KEYS) {
    const text = plain('it', key, values);
    if (text?.includes(wanted)) lengths.set(key, text.length);
  }
  const shortest = Math.min(...lengths.values());
  return (key) => lengths.get(key) === shortest;
}

/**
 * What a family reading `lang` sees where the Italian page says `italian`: the catalogue message whose
 * Italian reads `italian` — the text as shown, or the message itself with its `{placeholders}` filled from
 * `values`, or (for a label matched in part) the whole message that contains it — in `lang`. Text that is
 * not in the catalogue (the staff side, names, codes) is the same in both languages. So journeys written
 * against the Italian wording run in English too, and follow the catalogue when its English changes.
 */
export function say(lang: Lang, italian: string, values: Values = {}): string {
  if (lang === 'it')
    return italian.replace(/\{(\w+)\}/g, (m, name: string) => String(values[name] ?? m)).replace(/<\/?\w+>/g, '');
  const wanted = normalise(italian);
  return (
    english(italian, values, (key) => plain('it', key, values) === wanted) ??
    english(italian, values, (key) => messageOf('it', key) === italian) ??
    english(italian, values, shortestContaining(wanted, values)) ??
    italian
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The whole text in either language: for what both sides show (the sign-in page, the header's sign-out). */
export function either(italian: string, values: Values = {}): RegExp {
  return new RegExp(`^(${escape(italian)}|${escape(say('en', italian, values))})$`);
}

/** Money as the family's pages print it: "3.282,45 €" in Italian, "€3,282.45" in English (`italian` as "3.282,45"). */
export function money(lang: Lang, italian: string): RegExp {
  if (lang === 'it') return new RegExp(`(^|[^\\d.,])${escape(italian)}\\s€`);
  const english = italian.replace(/\./g, '#').replace(',', '.').replace(/#/g, ',');
  return new RegExp(`€${escape(english)}(?![\\d.,])`);
}

/** A catalogue message as a pattern: `capture` becomes the first group, its other placeholders match anything. */
export function messagePattern(lang: Lang, key: string, capture: string, group = '(.+?)'): RegExp {
  const raw = messageOf(lang, key);
  if (typeof raw !== 'string') throw new Error(`no message ${key}`);
  const parts = raw.split(/\{(\w+)\}/);
  return new RegExp(parts.map((p, i) => (i % 2 === 0 ? escape(p) : p === capture ? group : '.+?')).join(''));
}
