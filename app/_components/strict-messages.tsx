'use client';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/domain/locale';
import { throwMessageError } from '@/lib/i18n/strict';

/**
 * Under the root layout's provider where missing messages must be loud (lib/i18n/strict.ts): a client
 * component that reads a namespace its page did not give (PageMessages) throws, and the page shows its error
 * instead of the key. The function cannot cross from the server, hence this client provider; it keeps the
 * messages, time zone and formats of the provider above it, and the providers below it inherit its onError.
 */
export function StrictMessages({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} onError={throwMessageError}>
      {children}
    </NextIntlClientProvider>
  );
}
