import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { clientMessages } from '@/lib/i18n/messages';

/**
 * For a layout whose pages are not translated yet (issue 21): on an English page their content is marked
 * lang="it" and its client components read the Italian catalogue, so a page never mixes languages under a
 * wrong lang. The same elements in both languages: the language switch re-renders the page in place, and a
 * different tree would remount the page's forms and lose what was typed. Remove the layout once its pages
 * read from the catalogue.
 */
export function ItalianOnly({ children }: { children: ReactNode }) {
  return (
    <div lang="it">
      <NextIntlClientProvider locale="it" messages={clientMessages('it')}>
        {children}
      </NextIntlClientProvider>
    </div>
  );
}
