import type { IntlError } from 'next-intl';

/**
 * A missing or broken message throws in development, in the unit tests and where I18N_STRICT=1 (the browser
 * tests run the production build with it: tests/e2e/support/server.ts), so a page that lacks a namespace
 * fails its test instead of showing "Ns.key" unnoticed. In production next-intl's own handler logs it and
 * shows the key, and the page still renders.
 */
export const strictMessages = process.env.NODE_ENV !== 'production' || process.env.I18N_STRICT === '1';

/** next-intl's onError where messages are strict. */
export function throwMessageError(error: IntlError): never {
  throw error;
}
