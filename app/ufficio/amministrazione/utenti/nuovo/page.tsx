import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { providerOptions } from '@/db/queries/admin/providers';
import { requireRole } from '@/lib/auth/current-actor';
import { NewUserForm } from './new-user-form';

export const metadata: Metadata = { title: 'Nuovo utente' };

export default async function NewUserPage() {
  await requireRole('office');
  const providers = await providerOptions(await getDb());
  return (
    <div className="space-y-4">
      <p>
        <Link href="/ufficio/amministrazione/utenti" className="link">
          ← Utenti
        </Link>
      </p>
      <h1 className="text-3xl font-bold">Nuovo utente</h1>
      <p>La persona riceve per e-mail un collegamento per scegliere la password, valido 72 ore e una sola volta.</p>
      <NewUserForm providers={providers} />
    </div>
  );
}
