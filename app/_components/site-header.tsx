import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { logoutAction } from '@/lib/actions/auth/logout';
import { ROLE_HOME, ROLE_LABELS } from '@/lib/auth/actor';
import { currentActor, currentUserName } from '@/lib/auth/current-actor';
import { italian } from '@/lib/i18n/italian';
import { LanguageSwitch } from './language-switch';

export async function SiteHeader() {
  // The header must not take the whole page down when the database is away (M8): the page's own
  // error boundary then shows the friendly message inside the normal layout.
  const actor = await currentActor().catch(() => null);
  const name = actor ? await currentUserName().catch(() => null) : null;
  const t = await getTranslations('Layout');
  // Staff work in Italian: no switch for them.
  const offerSwitch = !actor || actor.role === 'family';
  return (
    <header>
      <div className="bg-pat-blue-dark text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm">
          <span className="font-semibold">{t('province')}</span>
          <div className="flex flex-wrap items-center gap-3">
            {offerSwitch ? <LanguageSwitch /> : null}
            {actor ? (
              <>
                <span>
                  <span className="sr-only">{t('signedInAs')}</span>
                  <strong>{name}</strong>{' '}
                  <span className="opacity-90">
                    ({actor.role === 'family' ? t('roleFamily') : ROLE_LABELS[actor.role]})
                  </span>
                </span>
                {actor.role !== 'family' ? (
                  <Link href="/profilo/sicurezza" className="underline">
                    Sicurezza dell’accesso
                  </Link>
                ) : (
                  <Link href="/famiglia/profilo" className="underline">
                    {t('yourData')}
                  </Link>
                )}
                <form action={logoutAction}>
                  <button
                    type="submit"
                    className="rounded border border-white px-3 py-1 font-semibold hover:bg-white hover:text-pat-blue-dark"
                  >
                    {t('logout')}
                  </button>
                </form>
              </>
            ) : (
              <Link href="/login" className="font-semibold underline">
                {t('signIn')}
              </Link>
            )}
          </div>
        </div>
      </div>
      <div className="bg-pat-blue text-white">
        <div className="mx-auto max-w-5xl px-4 py-4 sm:py-6">
          <Link href={actor ? ROLE_HOME[actor.role] : '/'} className="block no-underline">
            <span className="block text-sm uppercase tracking-wider opacity-90">
              {t.rich('brandLine', { it: italian })}
            </span>
            <span className="block text-2xl font-bold sm:text-3xl">{t.rich('siteTitle', { it: italian })}</span>
          </Link>
        </div>
      </div>
    </header>
  );
}
