import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db';
import { userLocale } from '@/db/queries/user-locale';
import { currentActor } from '@/lib/auth/current-actor';
import { chooseLocale, LOCALE_COOKIE, type Locale } from '@/lib/domain/locale';

/**
 * The language of this request (lib/domain/locale.ts says the order). Staff always read Italian, whatever
 * their cookie; a database that cannot answer costs the family's profile choice, never the page. Pages not
 * translated yet mark their content lang="it" (app/_components/italian-only.tsx).
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  const actor = await currentActor().catch(() => null);
  const italianOnly = actor !== null && actor.role !== 'family';
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
