'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Shown when a page cannot be produced (for example the database is unreachable): nothing was changed. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('ErrorPages');
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{t('unavailableTitle')}</h1>
      <p>{t('unavailableText')}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="button" className="btn-primary" onClick={() => reset()}>
          {t('retry')}
        </button>
        <Link href="/" className="btn-secondary">
          {t('home')}
        </Link>
      </div>
    </div>
  );
}
