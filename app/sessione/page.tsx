import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ROLE_HOME, ROLE_LABELS } from '@/lib/auth/actor';
import { currentActor, currentUserName } from '@/lib/auth/current-actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Session'))('metaTitle') };
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/**
 * Who is signed in, for any role. Also the benchmark's trivial authenticated page (P1): the same
 * layout and session check as every page, and no data of its own.
 */
export default async function SessionPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  const [t, layout, name] = await Promise.all([
    getTranslations('Session'),
    getTranslations('Layout'),
    currentUserName(),
  ]);
  // Staff always read Italian (lib/i18n/request-locale.ts): their role names stay as the office writes them.
  const role = actor.role === 'family' ? layout('roleFamily') : ROLE_LABELS[actor.role];
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p>{t.rich('signedInAs', { b: strong, name: name ?? '', role })}</p>
      <Link href={ROLE_HOME[actor.role]} className="btn-primary">
        {t('goToArea')}
      </Link>
    </div>
  );
}
