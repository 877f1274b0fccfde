import { PageMessages } from '@/app/_components/page-messages';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/alert';
import { VoucherTimeline } from '@/app/_components/voucher-timeline';
import { getDb } from '@/db';
import { getMeasureParameters } from '@/db/queries/measures';
import { getSigningStatus } from '@/db/queries/signing-status';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import { babysittingParams } from '@/lib/domain/babysitting';
import { now as clockNow } from '@/lib/clock';
import { formatDateTime, isoDate } from '@/lib/domain/dates';
import { voucherDeadlines } from '@/lib/domain/deadlines';
import { isMeasureOpen } from '@/lib/domain/measure-window';
import { formatMoney } from '@/lib/domain/money';
import { nextStep } from '@/lib/domain/next-step';
import { whatResidualBuys } from '@/lib/domain/summer';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { italian } from '@/lib/i18n/italian';
import { residualBuysSentence } from '@/lib/i18n/residual-buys-sentence';
import { idSchema } from '@/lib/validation/ids';
import { AddPesLink } from './add-pes-link';
import { CloseRequestForm } from './close-request-form';
import { ConversionOutcome } from './conversion-outcome';
import { NewPesList } from './new-pes-list';
import { SubmitSection } from './submit-section';
import { pesSummary } from './pes-summary';
import { PageHeader } from '@/app/_components/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('VoucherPage'))('title') };
}

export default async function VoucherPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('family');
  const { id } = await params;
  const sp = await searchParams;
  if (!idSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const [file, babysitting, summer, signing] = await Promise.all([
    getFamilyVoucherFile(db, actor.userId, id),
    getMeasureParameters(db, 'babysitting_covid'),
    getMeasureParameters(db, 'summer_covid'),
    getSigningStatus(db, actor.userId, id),
  ]);
  if (!file) notFound();
  const babysittingOpen = Boolean(babysitting && isMeasureOpen(babysitting, isoDate(new Date())));
  const summerOpen = Boolean(summer && isMeasureOpen(summer, isoDate(new Date())));
  const saved = typeof sp.salvato === 'string' ? file.newPes.find((p) => p.code === sp.salvato) : undefined;
  const { voucher, conversion } = file;
  const convStatus = conversion?.status ?? null;
  const editable = voucher.status === 'assigned' && (convStatus === null || isConversionEditable(convStatus));
  const residual = file.residualCents;
  const locale = await getLocale();
  const t = await getTranslations('VoucherPage');
  const timeline = await getTranslations('VoucherTimeline');
  const money = (c: number) => formatMoney(c, locale);
  const summary = pesSummary(locale);
  const next = nextStep({
    voucherStatus: voucher.status,
    conversionStatus: convStatus,
    standardStatuses: file.standardPes.map((p) => p.status),
    newStatuses: file.newPes.filter((p) => p.status !== 'deleted').map((p) => p.status),
    residualCents: residual,
    summerPesWithoutDocument: file.newPes.filter(
      (p) => p.kind === 'summer_covid' && p.status !== 'deleted' && !p.document,
    ).length,
    reopened: Boolean(conversion?.submittedAt),
  });
  const buys = residualBuysSentence(
    whatResidualBuys(residual, babysittingOpen && babysitting ? babysittingParams(babysitting) : null, summerOpen),
    locale,
  );
  return (
    <PageMessages namespaces={['NewPesList', 'CloseRequest', 'PesFacts', 'Signing']}>
      <div className="space-y-6">
        <PageHeader back={{ href: '/famiglia', label: t('back') }}>
          {t.rich('heading', { it: italian })}{' '}
          <span className="block text-xl font-semibold sm:inline">{t('voucher', { number: voucher.number })}</span>
        </PageHeader>

        {saved ? (
          <Alert outcome kind="success" title={t('savedTitle', { code: saved.code })}>
            {saved.kind === 'babysitting_covid' ? (
              <>{t('savedAmount', { amount: money(saved.amountCents), hours: saved.hours })} </>
            ) : null}
            {saved.status === 'draft' ? t.rich('savedDraft', { it: italian }) : t('savedChanges')}
          </Alert>
        ) : null}

        <ConversionOutcome
          voucherId={voucher.id}
          conversion={conversion}
          rejected={file.rejectedConversion}
          hasBabysitting={file.newPes.some((p) => p.kind === 'babysitting_covid' && p.status !== 'deleted')}
        />

        {conversion?.submittedAt && conversion.protocolNumber && convStatus !== 'returned' ? (
          <Alert kind="info" title={t('sentTitle')}>
            <p data-testid="stato-invio">
              {t('sentText', {
                when: formatDateTime(conversion.submittedAt, locale),
                protocol: conversion.protocolNumber,
              })}
            </p>
            <p>
              {t('locked')}{' '}
              <Link href={`/famiglia/buoni/${voucher.id}/ricevuta`} className="link">
                {t('receipt')}
              </Link>
            </p>
          </Alert>
        ) : null}

        <Alert kind="info" title={t('noteTitle')}>
          {t.rich('note', { strong: (c) => <strong>{c}</strong> })}
        </Alert>

        <section aria-labelledby="importo" className="card space-y-3">
          <h2 id="importo" className="text-xl font-bold">
            {t('available')}
          </h2>
          <p className="text-3xl font-bold text-pat-blue-dark" data-testid="importo-utilizzabile">
            {money(residual)}
          </p>
          <p className="text-sm text-muted">
            {t('freed', { freed: money(file.freedCents), committed: money(file.committedCents) })}
          </p>
          {editable && buys ? (
            <p className="font-semibold" data-testid="cosa-compra">
              {buys}.
            </p>
          ) : null}
          {editable && residual > 0 ? (
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <AddPesLink voucherId={voucher.id} measure="babysitting" open={babysittingOpen} period={babysitting} />
              <AddPesLink voucherId={voucher.id} measure="estivi" open={summerOpen} period={summer} />
            </div>
          ) : editable ? (
            <p>{t('awaitingFreed')}</p>
          ) : null}
        </section>

        <section aria-labelledby="pes-buono" className="space-y-3">
          <h2 id="pes-buono" className="text-xl font-bold">
            {t('pesHeading')}
          </h2>
          <CloseRequestForm voucherId={voucher.id} editable={editable} pes={file.standardPes.map(summary)} />
        </section>

        {file.newPes.length > 0 ? (
          <NewPesList
            voucherId={voucher.id}
            pes={file.newPes.map(summary)}
            editable={editable}
            reopened={Boolean(conversion?.submittedAt)}
          />
        ) : null}

        {editable && signing && file.newPes.some((p) => p.status !== 'deleted') ? (
          <SubmitSection voucherId={voucher.id} file={file} signing={signing} />
        ) : null}

        <VoucherTimeline
          events={file.events}
          deadlines={voucherDeadlines(file.pes, conversion, clockNow())}
          next={timeline.rich(`next.${next}`, { it: italian })}
        />
      </div>
    </PageMessages>
  );
}
