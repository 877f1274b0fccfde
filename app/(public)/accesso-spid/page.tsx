import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/alert';
import { OIDC_OUTCOMES, type OidcOutcome } from '@/lib/auth/oidc-refusal-path';
import { italian } from '@/lib/i18n/italian';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AccessOutcome'))('oidcMetaTitle') };
}

/** Each outcome's messages in the AccessOutcome catalogue (`outcomes.<key>Title`, `outcomes.<key>Text`). */
const MESSAGES = {
  'nessun-buono': 'noVoucher',
  operatore: 'staff',
  livello: 'level',
  dati: 'data',
  'non-riuscito': 'failed',
  'non-disponibile': 'unavailable',
} as const satisfies Record<OidcOutcome, string>;

function outcomeOf(value: unknown): OidcOutcome {
  const known = Object.values(OIDC_OUTCOMES) as string[];
  return typeof value === 'string' && known.includes(value) ? (value as OidcOutcome) : 'non-riuscito';
}

export default async function OidcOutcomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const key = MESSAGES[outcomeOf((await searchParams).esito)];
  const t = await getTranslations('AccessOutcome');
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">{t('oidcTitle')}</h1>
      <Alert kind="error" title={t(`outcomes.${key}Title`)}>
        {t.rich(`outcomes.${key}Text`, { it: italian })}
      </Alert>
      <Link href="/login" className="btn-primary">
        {t('backToLogin')}
      </Link>
    </div>
  );
}
