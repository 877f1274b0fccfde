import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Struttura Multifunzionale Territoriale Ad Personam' };

export default async function OfficeHome() {
  await requireRole('office');
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Richieste di convalida</h1>
      <p>La coda delle modifiche PES da convalidare sarà disponibile qui.</p>
    </div>
  );
}
