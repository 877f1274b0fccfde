import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { clientMessagesWith, type Messages } from '@/lib/i18n/messages';

/**
 * For a layout whose pages are not translated yet (issue 21): on an English page their content is marked
 * lang="it" and its client components read the Italian catalogue, so a page never mixes languages under a
 * wrong lang. The same elements in both languages: the language switch re-renders the page in place, and a
 * different tree would remount the page's forms and lose what was typed. Remove the layout once its pages
 * read from the catalogue. Like PageMessages, it gives the root set plus the namespaces its pages' client
 * components read (lib/i18n/messages.ts), in Italian.
 */
export function ItalianOnly({
  namespaces = [],
  children,
}: {
  namespaces?: readonly (keyof Messages)[];
  children: ReactNode;
}) {
  return (
    <div lang="it">
      <NextIntlClientProvider locale="it" messages={clientMessagesWith('it', namespaces)}>
        {children}
      </NextIntlClientProvider>
    </div>
  );
}
