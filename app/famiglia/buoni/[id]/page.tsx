import { ItalianOnly } from '@/app/_components/italian-only';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/app/_components/alert';
import { VoucherTimeline } from '@/app/_components/voucher-timeline';
import { getDb } from '@/db';
import { getMeasureParameters } from '@/db/queries/measures';
import { getSigningStatus } from '@/db/queries/signing-status';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import { babysittingParams } from '@/lib/domain/babysitting';
import { now as clockNow } from '@/lib/clock';
import { formatDateIt, formatDateTimeIt, isoDate } from '@/lib/domain/dates';
import { voucherDeadlines } from '@/lib/domain/deadlines';
import { isMeasureOpen } from '@/lib/domain/measure-window';
import { formatEuro } from '@/lib/domain/money';
import { nextStep } from '@/lib/domain/next-step';
import { residualBuysSentence, whatResidualBuys } from '@/lib/domain/summer';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { idSchema } from '@/lib/validation/ids';
import { CloseRequestForm } from './close-request-form';
import { ConversionOutcome } from './conversion-outcome';
import { NewPesList } from './new-pes-list';
import { SubmitSection } from './submit-section';
import { pesSummary } from './pes-summary';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Modifica PES' };

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
  const buys = residualBuysSentence(
    whatResidualBuys(residual, babysittingOpen && babysitting ? babysittingParams(babysitting) : null, summerOpen),
  );
  return (
    <ItalianOnly>
      <div className="space-y-6">
        <PageHeader back={{ href: '/famiglia', label: 'Buoni di servizio' }}>
          Modifica PES <span className="block text-xl font-semibold sm:inline">Buono {voucher.number}</span>
        </PageHeader>

        {saved ? (
          <Alert outcome kind="success" title={`PES ${saved.code} salvato`}>
            {saved.kind === 'babysitting_covid'
              ? `Importo del PES calcolato dal sistema: ${formatEuro(saved.amountCents)} (${saved.hours} ore). `
              : null}
            {saved.status === 'draft'
              ? 'Il PES è in bozza: quando hai inserito tutti i PES premi RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE.'
              : 'Le modifiche sono state salvate.'}
          </Alert>
        ) : null}

        <ConversionOutcome
          voucherId={voucher.id}
          conversion={conversion}
          rejected={file.rejectedConversion}
          hasBabysitting={file.newPes.some((p) => p.kind === 'babysitting_covid' && p.status !== 'deleted')}
        />

        {conversion?.submittedAt && conversion.protocolNumber && convStatus !== 'returned' ? (
          <Alert kind="info" title="Richiesta di convalida inviata">
            <p data-testid="stato-invio">
              Inviata all’ufficio il {formatDateTimeIt(conversion.submittedAt)} — protocollo {conversion.protocolNumber}
              .
            </p>
            <p>
              La modifica PES non può più essere cambiata.{' '}
              <Link href={`/famiglia/buoni/${voucher.id}/ricevuta`} className="link">
                Apri la ricevuta
              </Link>
            </p>
          </Alert>
        ) : null}

        <Alert kind="info" title="NOTA">
          La modifica dei PES di un buono già assegnato si può effettuare <strong>una sola volta</strong> ed è possibile
          convertire il residuo finanziario richiedendo entrambi i servizi o solo uno dei servizi disponibili.
        </Alert>

        <section aria-labelledby="importo" className="card space-y-3">
          <h2 id="importo" className="text-xl font-bold">
            Importo utilizzabile
          </h2>
          <p className="text-3xl font-bold text-pat-blue-dark" data-testid="importo-utilizzabile">
            {formatEuro(residual)}
          </p>
          <p className="text-sm text-muted">
            Liberati dai PES chiusi: {formatEuro(file.freedCents)} — già destinati ai nuovi PES:{' '}
            {formatEuro(file.committedCents)}
          </p>
          {editable && buys ? (
            <p className="font-semibold" data-testid="cosa-compra">
              {buys}.
            </p>
          ) : null}
          {editable && residual > 0 ? (
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              {babysittingOpen ? (
                <Link href={`/famiglia/buoni/${voucher.id}/babysitting`} className="btn-primary">
                  Aggiungi PES servizi babysitting
                </Link>
              ) : (
                <p className="rounded border-l-4 border-warn bg-warn-light p-3">
                  Servizi babysitting: la misura (Del. G.P. n. 575/2020) è chiusa
                  {babysitting
                    ? ` — domande dal ${formatDateIt(babysitting.opensOn)} al ${formatDateIt(babysitting.closesOn)}`
                    : ''}
                  .
                </p>
              )}
              {summerOpen ? (
                <Link href={`/famiglia/buoni/${voucher.id}/estivi`} className="btn-primary">
                  Aggiungi PES servizi estivi
                </Link>
              ) : (
                <p className="rounded border-l-4 border-warn bg-warn-light p-3">
                  Servizi estivi: la misura (Del. G.P. n. 742/2020) è chiusa
                  {summer ? ` — domande dal ${formatDateIt(summer.opensOn)} al ${formatDateIt(summer.closesOn)}` : ''}.
                </p>
              )}
            </div>
          ) : editable ? (
            <p>
              L’importo utilizzabile compare quando i soggetti erogatori chiudono i PES di cui hai chiesto la chiusura.
            </p>
          ) : null}
        </section>

        <section aria-labelledby="pes-buono" className="space-y-3">
          <h2 id="pes-buono" className="text-xl font-bold">
            PES del buono
          </h2>
          <CloseRequestForm voucherId={voucher.id} editable={editable} pes={file.standardPes.map(pesSummary)} />
        </section>

        {file.newPes.length > 0 ? (
          <NewPesList
            voucherId={voucher.id}
            pes={file.newPes.map(pesSummary)}
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
          next={nextStep({
            voucherStatus: voucher.status,
            conversionStatus: convStatus,
            standardStatuses: file.standardPes.map((p) => p.status),
            newStatuses: file.newPes.filter((p) => p.status !== 'deleted').map((p) => p.status),
            residualCents: residual,
            summerPesWithoutDocument: file.newPes.filter(
              (p) => p.kind === 'summer_covid' && p.status !== 'deleted' && !p.document,
            ).length,
            reopened: Boolean(conversion?.submittedAt),
          })}
        />
      </div>
    </ItalianOnly>
  );
}
