import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageMessages } from '@/app/_components/page-messages';
import { italian } from '@/lib/i18n/italian';
import { ResetRequestForm } from './reset-request-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('PasswordReset'))('metaTitle') };
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export default async function LostPasswordPage() {
  const t = await getTranslations('PasswordReset');
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t.rich('title', { it: italian })}</h1>
      <p className="mb-4">{t.rich('intro', { b: strong, it: italian })}</p>
      <div className="card">
        <PageMessages namespaces={['PasswordReset']}>
          <ResetRequestForm />
        </PageMessages>
      </div>
    </div>
  );
}
