import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReceiptDetails } from '@/app/_components/receipt-details';
import { getDb } from '@/db';
import { getReceipt } from '@/db/queries/receipt';
import { requireRole } from '@/lib/auth/current-actor';
import { idSchema } from '@/lib/validation/ids';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Ricevuta della richiesta di convalida' };

/** Bookmarkable receipt: only the voucher's family reads it here (the office has its own page). */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('family');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const receipt = await getReceipt(await getDb(), { role: 'family', holderId: actor.userId }, id);
  if (!receipt) notFound();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/famiglia/buoni/${id}`, label: `Modifica PES del buono ${receipt.voucherNumber}` }}>
        Ricevuta della richiesta di convalida
      </PageHeader>
      <div role="status" className="rounded border-l-4 border-ok bg-ok-light p-4">
        <p className="font-bold text-ok">Richiesta inviata all’ufficio</p>
        <p>La ricevuta è stata inviata anche al tuo indirizzo e-mail.</p>
      </div>
      <p>
        <a href={`/api/ricevute/${id}`} className="btn-primary" download>
          Scarica la ricevuta (PDF)
        </a>
      </p>
      <ReceiptDetails view={receipt.view} />
    </div>
  );
}
