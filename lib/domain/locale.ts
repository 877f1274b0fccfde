/**
 * The languages of the family side (issue 21). Italian is the default and the reference: the official
 * guide is Italian, staff work in Italian, and any doubt falls back to it.
 */
export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'it';

/** The cookie that keeps an anonymous visitor's (or a family's, before sign-in) choice. */
export const LOCALE_COOKIE = 'lingua';

/** users.locale as stored (null: never chose) → the language to write to that person in. */
export function storedLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first supported language of an Accept-Language header, by quality then order ("en-GB;q=0.9" counts
 * as "en"); null when none is supported, so the caller decides the fallback. Capped: the header is the
 * client's to write.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .slice(0, 512)
    .split(',')
    .slice(0, 20)
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q[1]) : 1, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const r of ranges) if (isLocale(r.lang)) return r.lang;
  return null;
}

/**
 * Where the page's language comes from. Staff always read Italian (`italianOnly`); for families and
 * visitors the signed-in family's profile wins, then the cookie, then the browser, then Italian. It depends
 * on who reads, never on the path: the root layout (and <html lang>) is not rendered again when the App
 * Router moves between pages, so a per-path language would go stale.
 */
export function chooseLocale(input: {
  italianOnly: boolean;
  profile: string | null | undefined;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}): Locale {
  if (input.italianOnly) return DEFAULT_LOCALE;
  if (isLocale(input.profile)) return input.profile;
  if (isLocale(input.cookie)) return input.cookie;
  return localeFromAcceptLanguage(input.acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * Where the language switch sends the visitor back: a path on this site only ("/x", never "//host" or
 * "/\host", which browsers read as another origin), else the home page.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  if (!/^\/(?![/\\])/.test(value) || [...value].some((c) => c === '\\' || c.charCodeAt(0) < 0x20)) return '/';
  return value;
}
