import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { clientMessages } from '@/lib/i18n/messages';
import { strictMessages } from '@/lib/i18n/strict';
import { SiteFooter } from './_components/site-footer';
import { SiteHeader } from './_components/site-header';
import { StrictMessages } from './_components/strict-messages';
import { titillium } from './fonts';
import './globals.css';

/** The tab's title and the description in the reader's language; each page's title fills the template. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Layout');
  return {
    title: { default: t('metaTitle'), template: t('metaTemplate') },
    description: t('metaDescription'),
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations('Layout');
  return (
    <html lang={locale} className={titillium.variable}>
      <body className="flex min-h-screen flex-col font-sans text-base leading-relaxed">
        <a
          href="#contenuto"
          className="sr-only z-50 bg-white p-3 font-semibold text-pat-blue focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          {t('skipLink')}
        </a>
        <SiteHeader />
        <main id="contenuto" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 sm:py-8">
          {/* Only the namespaces every page's client components read travel from here (lib/i18n/messages.ts). */}
          <NextIntlClientProvider locale={locale} messages={clientMessages(locale)}>
            {strictMessages ? <StrictMessages locale={locale}>{children}</StrictMessages> : children}
          </NextIntlClientProvider>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
