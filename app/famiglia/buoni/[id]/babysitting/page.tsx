import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getMeasureParameters, providersForMeasure } from '@/db/queries/measures';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import { babysittingParams, coveredHourlyRateCents } from '@/lib/domain/babysitting';
import { ageInYears } from '@/lib/domain/bands';
import { isoDate } from '@/lib/domain/dates';
import { EMPLOYMENT_CONDITION_LABELS, type EmploymentCondition } from '@/lib/domain/eligibility';
import { isMeasureOpen } from '@/lib/domain/measure-window';
import { canEditNewPes, isConversionEditable } from '@/lib/domain/state-machines';
import { idSchema } from '@/lib/validation/ids';
import { MeasureUnavailable } from '../measure-unavailable';
import { BabysittingPesForm } from './babysitting-pes-form';
import { EmploymentDialog } from './employment-dialog';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'PES servizi babysitting domiciliari' };

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
  const header = (
    <PageHeader back={{ href: `/famiglia/buoni/${file.voucher.id}`, label: 'Torna a Modifica PES' }}>
      PES servizi babysitting domiciliari emergenza COVID-19
    </PageHeader>
  );
  const today = isoDate(new Date());
  const conv = file.conversion;
  const editable = file.voucher.status === 'assigned' && (!conv || isConversionEditable(conv.status));
  if (!measure || !isMeasureOpen(measure, today) || !editable) {
    return (
      <MeasureUnavailable header={header} editable={editable} measure={measure} requests="babysitting domiciliare" />
    );
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
    <div className="space-y-6">
      {header}
      <p>
        La Del. G.P. n. 575/2020 consente di convertire il residuo in babysitting domiciliare alle lavoratrici e ai
        lavoratori del settore privato e ai dipendenti pubblici dei comparti sanità, sicurezza, difesa e soccorso
        pubblico che rientrano al lavoro fuori casa.
      </p>
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
            Condizione di occupazione dichiarata:{' '}
            <strong>{EMPLOYMENT_CONDITION_LABELS[conv!.employmentCondition as EmploymentCondition]}</strong>.{' '}
            <Link href={`/famiglia/buoni/${file.voucher.id}/babysitting?condizione=1`} className="link">
              Cambia la condizione dichiarata
            </Link>
          </p>
          <BabysittingPesForm
            voucherId={file.voucher.id}
            residualCents={file.residualCents + (editing?.amountCents ?? 0)}
            oneChildRateCents={coveredHourlyRateCents(1, params_)}
            multiChildRateCents={coveredHourlyRateCents(2, params_)}
            kids={file.children.map((c) => ({
              id: c.id,
              label: `${c.givenName} ${c.familyName} (${ageInYears(c.birthDate, today)} anni)`,
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
  );
}
