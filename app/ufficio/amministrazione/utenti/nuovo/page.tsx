import type { Metadata } from 'next';
import { getDb } from '@/db';
import { officeScope } from '@/lib/auth/office-scope';
import { providerOptions } from '@/db/queries/office/provider-options';
import { requireRole } from '@/lib/auth/current-actor';
import { NewUserForm } from './new-user-form';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Nuovo utente' };

export default async function NewUserPage() {
  const actor = await requireRole('office');
  const providers = await providerOptions(await getDb(), officeScope(actor));
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: '/ufficio/amministrazione/utenti', label: 'Utenti' }}>Nuovo utente</PageHeader>
      <p>La persona riceve per e-mail un collegamento per scegliere la password, valido 72 ore e una sola volta.</p>
      <NewUserForm providers={providers} />
    </div>
  );
}
