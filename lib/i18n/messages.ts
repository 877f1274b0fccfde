import type { Locale } from '@/lib/domain/locale';
import en from '@/messages/en';
import it from '@/messages/it';

/** Both catalogues are small and read on every request: bundled once, never read from disk per request. */
export const MESSAGES = { it, en } as const satisfies Record<Locale, typeof it>;
export type Messages = typeof it;

/**
 * The namespaces the root layout sends to the browser with every page: only those read by client components
 * that any page can render (the error page, SubmitButton). The rule: a namespace read by the client
 * components of some pages only travels with those pages, through `<PageMessages namespaces={[…]}>`
 * (app/_components/page-messages.tsx) around what they render, so the staff pages, /login and the bench
 * floor carry none of the family forms' text (issue 20: the whole client set was 15 KiB in the HTML plus
 * 14 KiB in the RSC payload of every page). A server component reads the whole catalogue on the server and
 * needs nothing here. tests/unit/client-catalogue.test.ts fails when a client component reads a namespace
 * that a page rendering it does not give, or when this set holds one that not every page needs.
 */
export const CLIENT_NAMESPACES = ['Common', 'ErrorPages'] as const satisfies readonly (keyof Messages)[];

export function clientMessages(locale: Locale): Partial<Messages> {
  const all = MESSAGES[locale];
  return Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in all).map((n) => [n, all[n]]));
}

/**
 * The client namespaces plus those of one page's client forms (app/_components/page-messages.tsx): a namespace
 * only one page reads travels with that page, not with every page. A provider replaces the messages of the
 * one above it, hence the root set again.
 */
export function clientMessagesWith(locale: Locale, namespaces: readonly (keyof Messages)[]): Partial<Messages> {
  const all = MESSAGES[locale];
  return { ...clientMessages(locale), ...Object.fromEntries(namespaces.map((n) => [n, all[n]])) };
}
