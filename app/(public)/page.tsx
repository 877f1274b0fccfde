import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ROLE_HOME } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { italian } from '@/lib/i18n/italian';

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

export default async function HomePage() {
  const actor = await currentActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  const t = await getTranslations('Home');
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t.rich('title', { it: italian })}</h1>
      <p className="max-w-prose text-lg">{t.rich('intro', { b: strong, it: italian })}</p>
      <div className="card max-w-prose space-y-3">
        <h2 className="text-xl font-bold">{t('accessTitle')}</h2>
        <p>{t.rich('accessText', { it: italian })}</p>
        <Link href="/login" className="btn-primary">
          {t('signIn')}
        </Link>
      </div>
    </div>
  );
}
