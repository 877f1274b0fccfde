import { getTranslations } from 'next-intl/server';
import { italian } from '@/lib/i18n/italian';

export async function SiteFooter() {
  const t = await getTranslations('Layout');
  return (
    <footer className="mt-8 bg-[#1f2b37] text-white">
      <div className="mx-auto grid max-w-5xl gap-2 px-4 py-6 text-sm sm:grid-cols-2">
        <p>
          <strong>{t('province')}</strong>
          <br />
          {t.rich('footerOffice', { it: italian })}
        </p>
        <p className="sm:text-right">
          {t('footerMeasure')}
          <br />
          {t.rich('footerLaw', { it: italian })}
        </p>
      </div>
    </footer>
  );
}
