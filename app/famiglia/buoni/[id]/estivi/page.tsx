import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getFamilyVoucherFile } from '@/db/queries/voucher-file';
import { requireRole } from '@/lib/auth/current-actor';
import { idSchema } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Richiesta P.E.S. servizi estivi' };

export default async function SummerPesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('family');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const file = await getFamilyVoucherFile(await getDb(), actor.userId, id);
  if (!file) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Richiesta P.E.S. servizi estivi</h1>
      <p className="card">
        L’inserimento dei PES per i servizi estivi EMERGENZA COVID-19 (Del. 742/2020) è in arrivo. Nel frattempo l’importo utilizzabile resta disponibile.
      </p>
      <Link href={`/famiglia/buoni/${file.voucher.id}`} className="link">
        ← Torna a Modifica PES
      </Link>
    </div>
  );
}
