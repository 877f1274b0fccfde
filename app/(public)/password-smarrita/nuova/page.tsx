import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageMessages } from '@/app/_components/page-messages';
import { PASSWORD_MIN } from '@/lib/domain/password-policy';
import { NewPasswordForm } from './new-password-form';

// same-origin, not no-referrer: under no-referrer a form posted without JavaScript carries `Origin: null`, which
// Next refuses as a cross-site Server Action. The token is in the fragment, never in a Referer either way.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PasswordReset'))('newMetaTitle'), referrer: 'same-origin' };
}

export default async function NewPasswordPage() {
  const t = await getTranslations('PasswordReset');
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t('newTitle')}</h1>
      <p className="mb-4">{t('newIntro', { min: PASSWORD_MIN })}</p>
      <div className="card">
        <PageMessages namespaces={['PasswordReset']}>
          <NewPasswordForm />
        </PageMessages>
      </div>
    </div>
  );
}
