import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReceiptDetails } from '@/app/_components/receipt-details';
import { getDb } from '@/db';
import { getReceipt } from '@/db/queries/receipt';
import { requireRole } from '@/lib/auth/current-actor';
import { receiptViewIn } from '@/lib/receipt/receipt-view-in';
import { idSchema } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Ricevuta della richiesta di convalida' };

/**
 * The office reads the same receipt the family received: of the voucher's latest signed request, or of the one
 * request `?pratica=` names (the conversion file links each file's own).
 */
export default async function OfficeReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole('office');
  const { id } = await params;
  const { pratica } = await searchParams;
  if (!idSchema.safeParse(id).success) notFound();
  const parsedPratica = pratica === undefined ? undefined : idSchema.safeParse(pratica);
  if (parsedPratica && !parsedPratica.success) notFound();
  const conversionId = parsedPratica?.data;
  const receipt = await getReceipt(await getDb(), { role: 'office' }, id, conversionId);
  if (!receipt) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Ricevuta della richiesta di convalida — buono {receipt.voucherNumber}</h1>
      <p>
        <a
          href={`/api/ricevute/${id}${conversionId ? `?pratica=${conversionId}` : ''}`}
          className="btn-primary"
          download
        >
          Scarica la ricevuta (PDF)
        </a>
      </p>
      <ReceiptDetails view={receiptViewIn(receipt.input, 'it')} />
    </div>
  );
}
