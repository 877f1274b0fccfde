import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('ErrorPages');
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <Link href="/" className="btn-primary">
        {t('home')}
      </Link>
    </div>
  );
}
