import { getRequestConfig } from 'next-intl/server';
import { MESSAGES } from './messages';
import { requestLocale } from './request-locale';
import { strictMessages, throwMessageError } from './strict';

// next-intl without a locale segment in URLs: the language comes from the profile, cookie or browser.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: 'Europe/Rome',
    ...(strictMessages ? { onError: throwMessageError } : {}),
  };
});
