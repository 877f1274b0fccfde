import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReceiptDetails } from '@/app/_components/receipt-details';
import { getDb } from '@/db';
import { getReceipt } from '@/db/queries/receipt';
import { requireRole } from '@/lib/auth/current-actor';
import { requestLocale } from '@/lib/i18n/request-locale';
import { receiptViewIn } from '@/lib/receipt/receipt-view-in';
import { idSchema } from '@/lib/validation/ids';
import { PageHeader } from '@/app/_components/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Receipt'))('title') };
}

/** Bookmarkable receipt: only the voucher's family reads it here (the office has its own page). */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('family');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const receipt = await getReceipt(await getDb(), { role: 'family', holderId: actor.userId }, id);
  if (!receipt) notFound();
  const [t, locale] = await Promise.all([getTranslations('Receipt'), requestLocale()]);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/famiglia/buoni/${id}`, label: t('back', { voucher: receipt.voucherNumber }) }}>
        {t('title')}
      </PageHeader>
      <div role="status" className="rounded border-l-4 border-ok bg-ok-light p-4">
        <p className="font-bold text-ok">{t('sentTitle')}</p>
        <p>{t('sentText')}</p>
      </div>
      <p>
        <a href={`/api/ricevute/${id}`} className="btn-primary" download>
          {t('download')}
        </a>
      </p>
      <ReceiptDetails view={receiptViewIn(receipt.input, locale)} />
    </div>
  );
}
