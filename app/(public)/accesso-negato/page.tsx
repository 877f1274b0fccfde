import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AccessOutcome'))('deniedMetaTitle') };
}

export default async function AccessDeniedPage() {
  const actor = await currentActor();
  const t = await getTranslations('AccessOutcome');
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{t('deniedTitle')}</h1>
      <p>{t('deniedText')}</p>
      <Link href={actor ? ROLE_HOME[actor.role] : '/login'} className="btn-primary">
        {actor ? t('backToArea') : t('signIn')}
      </Link>
    </div>
  );
}
