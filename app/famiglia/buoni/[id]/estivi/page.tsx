import { PageMessages } from '@/app/_components/page-messages';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { getMeasureParameters } from '@/db/queries/measures';
import { summerContext } from '@/db/queries/summer-context';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import { ageInYears, bandsForChild, type Band } from '@/lib/domain/bands';
import { formatDate, isoDate } from '@/lib/domain/dates';
import { formatFileSize } from '@/lib/domain/file-size';
import type { Locale } from '@/lib/domain/locale';
import { formatMoneyPlain } from '@/lib/domain/money';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { ERROR_MESSAGES } from '@/lib/app-error';
import { requestLocale } from '@/lib/i18n/request-locale';
import { sayRefusal, uploadRefusalKey } from '@/lib/i18n/refusal';
import { PDF_REFUSAL_MESSAGES } from '@/lib/storage/check-pdf';
import { idSchema } from '@/lib/validation/ids';
import { MeasureUnavailable } from '../measure-unavailable';
import { SummerDocument, type SummerDocumentView } from './summer-document';
import { SummerPesForm } from './summer-pes-form';
import { SummerValidationRequest } from './summer-validation-request';
import { PageHeader } from '@/app/_components/page-header';
import { italian } from '@/lib/i18n/italian';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('SummerPes'))('title') };
}

/** What a redirect from the upload route (used without JavaScript) says about the file, by code only. */
function uploadNotice(code: string | undefined, locale: Locale, uploaded: string) {
  if (!code) return undefined;
  if (code === 'caricato') return { ok: true, message: uploaded };
  if (code in PDF_REFUSAL_MESSAGES || code in ERROR_MESSAGES)
    return { ok: false, message: sayRefusal(locale, { key: uploadRefusalKey(code) }) };
  return undefined;
}

export default async function SummerPesPage({
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
  const [t, locale] = await Promise.all([getTranslations('SummerPes'), requestLocale()]);
  const now = new Date();
  const [file, ctx, measure] = await Promise.all([
    getFamilyVoucherFile(db, actor.userId, id),
    summerContext(db, id, now),
    getMeasureParameters(db, 'summer_covid'),
  ]);
  if (!file) notFound();
  const header = (
    <PageHeader back={{ href: `/famiglia/buoni/${file.voucher.id}`, label: t('back') }}>{t('title')}</PageHeader>
  );
  const editable =
    file.voucher.status === 'assigned' && (!file.conversion || isConversionEditable(file.conversion.status));
  if (!ctx.open || !editable) {
    return <MeasureUnavailable header={header} editable={editable} measure={measure} requests={t('measureRequests')} />;
  }

  const today = isoDate(now);
  const kids = ctx.children
    .sort((a, b) => a.position - b.position)
    .map((c, i) => ({
      id: c.id,
      name: `${c.givenName} ${c.familyName}`,
      age: ageInYears(c.birthDate, today),
      ordinal: t('ordinal', { n: i + 1 }),
      bands: bandsForChild(c.birthDate, c.disability, ctx.startDate),
    }));
  const initial = ctx.summerPes.map((p) => ({
    id: p.id,
    childId: p.childId ?? '',
    band: (p.band ?? '') as Band | '',
    providerId: p.providerId,
    amount: formatMoneyPlain(p.amountCents, locale),
    hours: String(p.hours),
  }));
  const saved = ctx.summerPes.map((p) => ({
    id: p.id,
    code: p.code,
    status: p.status,
    statusLabel: t(`status_${p.status}`),
  }));
  const summerFile = file.newPes.filter((p) => p.kind === 'summer_covid' && p.status !== 'deleted');
  const docs: SummerDocumentView[] = summerFile.map((p) => ({
    pesId: p.id,
    code: p.code,
    title: `${p.children.map((c) => c.givenName).join(', ')} — ${p.providerName}`,
    statusLabel: t(`status_${p.status}`),
    document: p.document
      ? { id: p.document.id, fileName: p.document.fileName, size: formatFileSize(p.document.sizeBytes) }
      : null,
    ...(sp.pes === p.id
      ? {
          notice: uploadNotice(
            typeof sp.documento === 'string' ? sp.documento : undefined,
            locale,
            t('uploaded', { backToDraft: 'false' }),
          ),
        }
      : {}),
  }));
  const drafts = summerFile.filter((p) => p.status === 'draft');
  const residualBase = ctx.residualWithout(new Set(ctx.summerPes.map((p) => p.id)));
  const savedCount = typeof sp.salvati === 'string' ? Number(sp.salvati) : null;
  return (
    <PageMessages namespaces={['SummerPes', 'Money']}>
      <div className="space-y-6">
        {header}
        <p>
          {t.rich('intro', {
            legal: measure?.legalReference ?? 'Del. G.P. n. 742/2020',
            date: formatDate(ctx.startDate, locale),
            it: italian,
          })}
        </p>
        {savedCount !== null ? (
          <Alert outcome kind="success" title={t('savedTitle')}>
            {t.rich('savedText', { it: italian })}
          </Alert>
        ) : null}
        <section aria-labelledby="pes-estivi" className="space-y-3">
          <h2 id="pes-estivi" className="text-xl font-bold">
            {t('perChild')}
          </h2>
          <SummerPesForm
            voucherId={file.voucher.id}
            baseResidualCents={residualBase}
            kids={kids}
            providers={ctx.providers}
            initial={initial}
            saved={saved}
          />
        </section>
        {docs.length ? (
          <section aria-labelledby="documenti-titolo" id="documenti" className="space-y-3">
            <h2 id="documenti-titolo" className="text-xl font-bold">
              {t('docsHeading')}
            </h2>
            <p>{t('docsRule')}</p>
            <ul className="space-y-3">
              {docs.map((d) => (
                <SummerDocument key={d.pesId} voucherId={file.voucher.id} v={d} />
              ))}
            </ul>
            <SummerValidationRequest
              voucherId={file.voucher.id}
              drafts={drafts.length}
              missing={drafts.filter((p) => !p.document).map((p) => p.code)}
            />
          </section>
        ) : null}
      </div>
    </PageMessages>
  );
}
