import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReceiptDetails } from '@/app/_components/receipt-details';
import { getDb } from '@/db';
import { getReceipt } from '@/db/queries/receipt';
import { requireRole } from '@/lib/auth/current-actor';
import { receiptViewIn } from '@/lib/receipt/receipt-view-in';
import { idSchema } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Ricevuta della richiesta di convalida' };

/** The office reads the same receipt the family received. */
export default async function OfficeReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole('office');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const receipt = await getReceipt(await getDb(), { role: 'office' }, id);
  if (!receipt) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Ricevuta della richiesta di convalida — buono {receipt.voucherNumber}</h1>
      <p>
        <a href={`/api/ricevute/${id}`} className="btn-primary" download>
          Scarica la ricevuta (PDF)
        </a>
      </p>
      <ReceiptDetails view={receiptViewIn(receipt.input, 'it')} />
    </div>
  );
}
