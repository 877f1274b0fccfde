import { PageMessages } from '@/app/_components/page-messages';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getMeasureParameters, providersForMeasure } from '@/db/queries/measures';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import { babysittingParams, coveredHourlyRateCents } from '@/lib/domain/babysitting';
import { ageInYears } from '@/lib/domain/bands';
import { isoDate } from '@/lib/domain/dates';
import { EMPLOYMENT_CONDITIONS, type EmploymentCondition } from '@/lib/domain/eligibility';
import { isMeasureOpen } from '@/lib/domain/measure-window';
import { canEditNewPes, isConversionEditable } from '@/lib/domain/state-machines';
import { italian } from '@/lib/i18n/italian';
import { idSchema } from '@/lib/validation/ids';
import { MeasureUnavailable } from '../measure-unavailable';
import { BabysittingPesForm } from './babysitting-pes-form';
import { EmploymentDialog } from './employment-dialog';
import { PageHeader } from '@/app/_components/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('BabysittingPage'))('title') };
}

const isCondition = (c: string | null | undefined): c is EmploymentCondition =>
  (EMPLOYMENT_CONDITIONS as readonly unknown[]).includes(c);

export default async function BabysittingPage({
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
  const [file, measure, providers] = await Promise.all([
    getFamilyVoucherFile(db, actor.userId, id),
    getMeasureParameters(db, 'babysitting_covid'),
    providersForMeasure(db, 'babysitting_covid'),
  ]);
  if (!file) notFound();
  const t = await getTranslations('BabysittingPage');
  const conditions = await getTranslations('EmploymentDialog');
  const header = (
    <PageHeader back={{ href: `/famiglia/buoni/${file.voucher.id}`, label: t.rich('back', { it: italian }) }}>
      {t('heading')}
    </PageHeader>
  );
  const today = isoDate(new Date());
  const conv = file.conversion;
  const editable = file.voucher.status === 'assigned' && (!conv || isConversionEditable(conv.status));
  if (!measure || !isMeasureOpen(measure, today) || !editable) {
    return <MeasureUnavailable header={header} editable={editable} measure={measure} requests={t('requests')} />;
  }

  const editing =
    typeof sp.pes === 'string'
      ? file.newPes.find(
          (p) =>
            p.id === sp.pes &&
            p.kind === 'babysitting_covid' &&
            canEditNewPes(p.status, { reopened: Boolean(conv?.submittedAt) }),
        )
      : undefined;
  const declare = !conv?.employmentCondition || sp.condizione === '1';
  const params_ = babysittingParams(measure);
  return (
    <PageMessages namespaces={['BabysittingForm', 'FamilyPesRules', 'EmploymentDialog']}>
      <div className="space-y-6">
        {header}
        <p>{t.rich('intro', { it: italian })}</p>
        {declare ? (
          <EmploymentDialog
            voucherId={file.voucher.id}
            twoParentHousehold={file.voucher.twoParentHousehold}
            employer={{
              name: file.voucher.employerName,
              taxCode: file.voucher.employerTaxCode,
              address: file.voucher.employerAddress,
              sector: file.voucher.employerSector,
            }}
          />
        ) : (
          <>
            <p className="card">
              {t.rich('declared', {
                condition: isCondition(conv?.employmentCondition)
                  ? conditions(`condition.${conv.employmentCondition}`)
                  : '',
                strong: (c) => <strong>{c}</strong>,
              })}{' '}
              <Link href={`/famiglia/buoni/${file.voucher.id}/babysitting?condizione=1`} className="link">
                {t('change')}
              </Link>
            </p>
            <BabysittingPesForm
              voucherId={file.voucher.id}
              residualCents={file.residualCents + (editing?.amountCents ?? 0)}
              oneChildRateCents={coveredHourlyRateCents(1, params_)}
              multiChildRateCents={coveredHourlyRateCents(2, params_)}
              kids={file.children.map((c) => ({
                id: c.id,
                label: t('child', { name: `${c.givenName} ${c.familyName}`, age: ageInYears(c.birthDate, today) }),
              }))}
              providers={providers}
              editing={
                editing
                  ? {
                      id: editing.id,
                      code: editing.code,
                      childIds: editing.children.map((c) => c.id),
                      providerId: editing.providerId,
                      hours: editing.hours,
                    }
                  : null
              }
            />
          </>
        )}
      </div>
    </PageMessages>
  );
}
