import { PageMessages } from '@/app/_components/page-messages';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { getSigningStatus } from '@/db/queries/signing-status';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import type { ConversionStatus } from '@/lib/domain/state-machines';
import { gateItems } from '@/lib/domain/submission-gate';
import { italian } from '@/lib/i18n/italian';
import { idSchema } from '@/lib/validation/ids';
import { SigningPanel } from './signing-panel';
import { PageHeader } from '@/app/_components/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Signing'))('title') };
}

/** The signing steps as a page: where the dialog's link leads without JavaScript, and a fallback for everyone. */
export default async function SubmitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('family');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const [t, gateText, file, status] = await Promise.all([
    getTranslations('Signing'),
    getTranslations('SubmissionGate'),
    getFamilyVoucherFile(db, actor.userId, id),
    getSigningStatus(db, actor.userId, id),
  ]);
  if (!file || !status) notFound();
  const conv = (file.conversion?.status ?? null) as ConversionStatus | null;
  const gate = gateItems(
    conv,
    file.newPes.map((p) => ({
      code: p.code,
      kind: p.kind,
      status: p.status,
      providerName: p.providerName,
      hasDocument: Boolean(p.document),
    })),
    file.standardPes.map((p) => ({
      code: p.code,
      kind: p.kind,
      status: p.status,
      providerName: p.providerName,
      hasDocument: false,
    })),
  );
  return (
    <PageMessages namespaces={['Signing']}>
      <div className="space-y-6">
        <PageHeader back={{ href: `/famiglia/buoni/${id}`, label: t('back', { voucher: file.voucher.number }) }}>
          {t('title')}
        </PageHeader>
        {/* A conversion the office returned keeps its submission date and protocol, and is signed again here. */}
        {file.conversion?.submittedAt && conv !== 'returned' ? (
          <Alert kind="info" title={t('alreadySent')}>
            <Link href={`/famiglia/buoni/${id}/ricevuta`} className="link">
              {t('openReceipt', { protocol: file.conversion.protocolNumber ?? '' })}
            </Link>
          </Alert>
        ) : gate.canSubmit ? (
          <section className="card" aria-label={t('panelLabel')}>
            <SigningPanel voucherId={id} initial={status} />
          </section>
        ) : (
          <Alert kind="warning" title={t('notYet')}>
            <ul className="list-disc pl-5">
              {gate.items.map(({ key, code = '', provider = '' }) => (
                <li key={`${key} ${code}`}>{gateText.rich(key, { code, provider, it: italian })}</li>
              ))}
            </ul>
          </Alert>
        )}
      </div>
    </PageMessages>
  );
}
