import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/current-actor';
import { isoDate } from '@/lib/domain/dates';
import { ProviderForm } from '../provider-form';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Nuovo soggetto erogatore' };

export default async function NewProviderPage() {
  await requireRole('office');
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: '/ufficio/amministrazione/soggetti-erogatori', label: 'Soggetti erogatori' }}>
        Nuovo soggetto erogatore
      </PageHeader>
      <ProviderForm
        today={isoDate(new Date())}
        defaults={{ name: '', taxCode: '', email: '', bands: [], measures: [] }}
      />
    </div>
  );
}
