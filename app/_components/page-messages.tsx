import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/messages';
import { clientMessagesWith } from '@/lib/i18n/messages';

/** Gives a page's client forms their own namespaces, which then travel only with that page (quality P5). */
export async function PageMessages({
  namespaces,
  children,
}: {
  namespaces: readonly (keyof Messages)[];
  children: ReactNode;
}) {
  const locale = await getLocale();
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessagesWith(locale, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
