import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { providerForOffice } from '@/db/queries/admin/providers';
import { requireRole } from '@/lib/auth/current-actor';
import { isoDate } from '@/lib/domain/dates';
import { idSchema } from '@/lib/validation/ids';
import { ProviderForm } from '../provider-form';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Modifica soggetto erogatore' };

export default async function EditProviderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole('office');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const provider = await providerForOffice(await getDb(), id);
  if (!provider) notFound();
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: '/ufficio/amministrazione/soggetti-erogatori', label: 'Soggetti erogatori' }}>
        {provider.name}
      </PageHeader>
      <p className="text-muted">Codice {provider.code}</p>
      <ProviderForm today={isoDate(new Date())} defaults={{ providerId: provider.id, ...provider }} />
    </div>
  );
}
