import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageMessages } from '@/app/_components/page-messages';
import { PASSWORD_MIN } from '@/lib/domain/password-policy';
import { italian } from '@/lib/i18n/italian';
import { NewPasswordForm } from '../password-smarrita/nuova/new-password-form';

// same-origin, not no-referrer: under no-referrer a form posted without JavaScript carries `Origin: null`, which
// Next refuses as a cross-site Server Action. The token is in the fragment, never in a Referer either way.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PasswordReset'))('activationMetaTitle'), referrer: 'same-origin' };
}

/** Link from the activation e-mail of every new account (imported family, staff, first office clerk): the same single-use token machinery as the password reset. */
export default async function ActivationPage() {
  const t = await getTranslations('PasswordReset');
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t('activationTitle')}</h1>
      <p className="mb-4">{t.rich('activationIntro', { min: PASSWORD_MIN, it: italian })}</p>
      <div className="card">
        <PageMessages namespaces={['PasswordReset']}>
          <NewPasswordForm />
        </PageMessages>
      </div>
    </div>
  );
}
