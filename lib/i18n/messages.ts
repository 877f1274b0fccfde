import type { Locale } from '@/lib/domain/locale';
import en from '@/messages/en';
import it from '@/messages/it';

/** Both catalogues are small and read on every request: bundled once, never read from disk per request. */
export const MESSAGES = { it, en } as const satisfies Record<Locale, typeof it>;
export type Messages = typeof it;

/**
 * The namespaces client components read. Only these travel to the browser, so a page does not carry the
 * whole catalogue (quality P5).
 */
export const CLIENT_NAMESPACES = [
  'Money',
  'CloseRequest',
  'ErrorPages',
  'Common',
  'SummerPes',
  'Signing',
  'PesFacts',
  'NewPesList',
  'BabysittingForm',
  'EmploymentDialog',
  'FamilyPesRules',
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(locale: Locale): Partial<Messages> {
  const all = MESSAGES[locale];
  return Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in all).map((n) => [n, all[n]]));
}

/**
 * The client namespaces plus those of one page's client forms (app/_components/page-messages.tsx): a namespace
 * only one page reads travels with that page, not with every page.
 */
export function clientMessagesWith(locale: Locale, namespaces: readonly (keyof Messages)[]): Partial<Messages> {
  const all = MESSAGES[locale];
  return { ...clientMessages(locale), ...Object.fromEntries(namespaces.map((n) => [n, all[n]])) };
}
