import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { userLocale } from '@/db/queries/user-locale';
import { currentActor } from '@/lib/auth/current-actor';
import { chooseLocale, isTranslatedPath, LOCALE_COOKIE, type Locale } from '@/lib/domain/locale';
import { PAGE_PATH_HEADER } from './page-path';

/**
 * The language of this request (lib/domain/locale.ts says the order). Staff always read Italian, whatever
 * their cookie; a database that cannot answer costs the family's profile choice, never the page.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  const path = (h.get(PAGE_PATH_HEADER) ?? '/').split('?')[0] ?? '/';
  const actor = await currentActor().catch(() => null);
  const italianOnly = !isTranslatedPath(path) || (actor !== null && actor.role !== 'family');
  const profile =
    !italianOnly && actor?.role === 'family'
      ? await getDb()
          .then((db) => userLocale(db, actor.userId))
          .catch(() => null)
      : null;
  return chooseLocale({
    italianOnly,
    profile,
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get('accept-language'),
  });
});
