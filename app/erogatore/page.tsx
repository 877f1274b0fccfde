import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/current-actor';

export const metadata: Metadata = { title: 'Soggetto erogatore' };

export default async function ProviderHome() {
  await requireRole('provider');
  return <h1 className="text-3xl font-bold">Cruscotto del soggetto erogatore</h1>;
}
