import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { clientMessages } from '@/lib/i18n/messages';

/**
 * For a layout whose pages are not translated yet (issue 21): on an English page their content is marked
 * lang="it" and its client components read the Italian catalogue, so a page never mixes languages under a
 * wrong lang. Remove the layout once its pages read from the catalogue.
 */
export async function ItalianOnly({ children }: { children: ReactNode }) {
  if ((await getLocale()) === 'it') return <>{children}</>;
  return (
    <div lang="it">
      <NextIntlClientProvider locale="it" messages={clientMessages('it')}>
        {children}
      </NextIntlClientProvider>
    </div>
  );
}
