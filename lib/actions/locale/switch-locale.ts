'use server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/current-actor';
import { secureCookies } from '@/lib/config/runtime-config';
import { LOCALE_COOKIE, LOCALES, safeReturnPath } from '@/lib/domain/locale';
import { PAGE_PATH_HEADER } from '@/lib/i18n/page-path';
import { log } from '@/lib/log/logger';
import { setUserLocale } from '@/lib/services/account/set-user-locale';
import { readInput } from '../action-input';

// inPlace: posted by the switch's script (language-switch-form.tsx), which re-renders the page itself.
const switchSchema = z.object({ locale: z.enum(LOCALES), inPlace: z.literal('1').optional() }).strict();

const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * The header's "Read in English" / "Leggi in italiano": a plain form (it works without JavaScript) that keeps
 * the choice in a cookie and, for a signed-in family, in the profile; then back to the same page. Public: a
 * visitor chooses before signing in. The page to return to is the one the form was posted from (set by
 * proxy.ts), never a value the client sends. With JavaScript there is no redirect: the page is refreshed in
 * place, so nothing typed in its forms is lost.
 */
export async function switchLocaleAction(_prev: unknown, formData: FormData): Promise<void> {
  const back = safeReturnPath((await headers()).get(PAGE_PATH_HEADER));
  const read = readInput(switchSchema, formData);
  const parsed = read.ok ? switchSchema.safeParse(read.value) : null;
  if (!parsed?.success) redirect(back);
  const { locale, inPlace } = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: secureCookies(),
    maxAge: ONE_YEAR,
  });
  const actor = await currentActor().catch(() => null);
  if (actor?.role === 'family') {
    // The cookie already changed this browser's pages; only later messages miss the choice if this fails.
    await setUserLocale(await getDb(), actor, locale).catch((e: unknown) =>
      log.warn({ reason: e instanceof Error ? e.name : 'unknown' }, 'locale: profile not updated'),
    );
  }
  if (!inPlace) redirect(back);
}
