import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db';
import { listFamilyVouchers } from '@/db/queries/family-vouchers';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDate } from '@/lib/domain/dates';
import { formatMoney } from '@/lib/domain/money';
import { canModifyPes } from '@/lib/domain/voucher-rules';
import { italian } from '@/lib/i18n/italian';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('FamilyHome'))('title') };
}

export default async function FamilyHome() {
  const actor = await requireRole('family');
  const vouchers = await listFamilyVouchers(await getDb(), actor.userId);
  const t = await getTranslations('FamilyHome');
  const status = await getTranslations('ConversionStatus');
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {vouchers.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="space-y-4">
        {vouchers.map((v) => {
          const conv = v.conversionStatus;
          return (
            <li key={v.id} className="card space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-xl font-bold">{t('voucher', { number: v.number })}</h2>
                <StatusBadge
                  label={v.status === 'assigned' ? t('assigned') : t('concluded')}
                  tone={v.status === 'assigned' ? 'info' : 'neutral'}
                />
              </div>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{t('amount')}</dt>
                <dd>{formatMoney(v.totalCents, locale)}</dd>
                <dt className="font-semibold">{t('assignedOn')}</dt>
                <dd>{formatDate(v.assignedOn, locale)}</dd>
                <dt className="font-semibold">{t('children')}</dt>
                <dd>{v.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ')}</dd>
                {conv ? (
                  <>
                    <dt className="font-semibold">{t.rich('conversion', { it: italian })}</dt>
                    <dd>{status(conv)}</dd>
                  </>
                ) : null}
              </dl>
              {canModifyPes(v.status, conv) ? (
                <Link
                  href={`/famiglia/buoni/${v.id}`}
                  className="btn-primary"
                  aria-label={t('modifyLabel', { number: v.number })}
                >
                  {t.rich('modify', { it: italian })}
                </Link>
              ) : v.status === 'concluded' ? (
                <p className="text-muted">{t('concludedText')}</p>
              ) : (
                <Link
                  href={`/famiglia/buoni/${v.id}`}
                  className="btn-secondary"
                  aria-label={t('viewLabel', { number: v.number })}
                >
                  {t('view')}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
