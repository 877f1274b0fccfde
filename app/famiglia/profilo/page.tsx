import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageMessages } from '@/app/_components/page-messages';
import { getDb } from '@/db';
import { familyProfile } from '@/db/queries/family-profile';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDateTime } from '@/lib/domain/dates';
import { italian } from '@/lib/i18n/italian';
import { ContactChoiceForm } from './contact-choice-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Profile'))('metaTitle') };
}

const orDash = (v: string | null) => v ?? '—';
const fullName = (g: string | null, f: string | null) => [g, f].filter(Boolean).join(' ') || '—';

/**
 * The family's record (what notifications and the OTP use) and what SPID/CIE said at the last sign-in. A
 * different e-mail or mobile from the identity provider is offered, never applied without the family's say.
 */
export default async function FamilyProfilePage() {
  const actor = await requireRole('family');
  const [profile, t, locale] = await Promise.all([
    getDb().then((db) => familyProfile(db, actor.userId)),
    getTranslations('Profile'),
    getLocale(),
  ]);
  if (!profile) notFound();
  const idp = profile.identity;
  return (
    <PageMessages namespaces={['Profile']}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <section aria-labelledby="comunicazioni" className="card space-y-3">
          <h2 id="comunicazioni" className="text-xl font-bold">
            {t('contactTitle')}
          </h2>
          <p>{t('contactText')}</p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">{t('name')}</dt>
            <dd>{fullName(profile.givenName, profile.familyName)}</dd>
            <dt className="font-semibold">{t.rich('codiceFiscale', { it: italian })}</dt>
            <dd>{profile.codiceFiscale}</dd>
            <dt className="font-semibold">{t('email')}</dt>
            <dd className="break-all">{profile.email}</dd>
            <dt className="font-semibold">{t('mobile')}</dt>
            <dd>{orDash(profile.mobile)}</dd>
          </dl>
        </section>
        <section aria-labelledby="identita" className="card space-y-3">
          <h2 id="identita" className="text-xl font-bold">
            {t('identityTitle')}
          </h2>
          {idp ? (
            <>
              <p>{t('identitySeen', { when: formatDateTime(idp.seenAt, locale) })}</p>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{t('name')}</dt>
                <dd>{fullName(idp.givenName, idp.familyName)}</dd>
                <dt className="font-semibold">{t('email')}</dt>
                <dd className="break-all">{orDash(idp.email)}</dd>
                <dt className="font-semibold">{t('mobile')}</dt>
                <dd>{orDash(idp.mobile)}</dd>
              </dl>
              {idp.email ? (
                <ContactChoiceForm field="email" value={idp.email} inUse={idp.email === profile.email} />
              ) : null}
              {idp.mobile ? (
                <ContactChoiceForm field="mobile" value={idp.mobile} inUse={idp.mobile === profile.mobile} />
              ) : null}
            </>
          ) : (
            <p>{t('noIdentity')}</p>
          )}
        </section>
      </div>
    </PageMessages>
  );
}
