import { getLocale, getTranslations } from 'next-intl/server';
import { switchLocaleAction } from '@/lib/actions/locale/switch-locale';
import { LanguageSwitchForm } from './language-switch-form';

/**
 * One button that offers the other language, written in that language (a reader who does not understand
 * the page can still find it), with lang and hreflang-like marking for screen readers. A plain form: it
 * works without JavaScript; with it, the page changes language in place (language-switch-form.tsx).
 */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('Layout');
  const other = locale === 'it' ? 'en' : 'it';
  return (
    <LanguageSwitchForm action={switchLocaleAction.bind(null, null)} label={t('languageSwitchLabel')}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        className="rounded border border-white px-3 py-1 font-semibold hover:bg-white hover:text-pat-blue-dark"
      >
        {t('languageSwitch')}
      </button>
    </LanguageSwitchForm>
  );
}
