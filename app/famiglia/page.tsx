import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Buoni di servizio' };

export default async function FamilyHome() {
  await requireRole('family');
  return <h1 className="text-3xl font-bold">Buoni di servizio</h1>;
}
