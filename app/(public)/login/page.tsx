import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/alert';
import { PageMessages } from '@/app/_components/page-messages';
import { familyPasswordSignIn, oidcSettings } from '@/lib/config/runtime-config';
import { italian } from '@/lib/i18n/italian';
import { LoginForm } from './login-form';
import { OidcButtons } from './oidc-buttons';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Login'))('metaTitle') };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const t = await getTranslations('Login');
  const oidc = oidcSettings() !== null;
  const familyPassword = familyPasswordSignIn();
  return (
    <PageMessages namespaces={['Login']}>
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-3xl font-bold">{t('title')}</h1>
        {oidc ? (
          <section aria-labelledby="famiglie" className="card mb-6">
            <h2 id="famiglie" className="mb-2 text-xl font-bold">
              {t('families')}
            </h2>
            <p className="mb-4">{t('familiesText')}</p>
            <OidcButtons />
          </section>
        ) : null}
        {sp.error ? (
          <Alert kind="error" title={t('incompleteTitle')}>
            {t('incompleteText')}
          </Alert>
        ) : null}
        {sp.uscita ? <Alert kind="success" title={t('signedOut')} /> : null}
        {sp.password ? (
          <Alert kind="success" title={t('passwordChanged')}>
            {t('passwordChangedText')}
          </Alert>
        ) : null}
        {oidc ? <h2 className="mb-2 text-xl font-bold">{familyPassword ? t('withPassword') : t('staff')}</h2> : null}
        <div className="card">
          <LoginForm />
          <p className="mt-4">
            <Link href="/password-smarrita" className="link">
              {t.rich('lostPassword', { it: italian })}
            </Link>
          </p>
        </div>
      </div>
    </PageMessages>
  );
}
