import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/current-actor';
import { isoDate } from '@/lib/domain/dates';
import { ProviderForm } from '../provider-form';

export const metadata: Metadata = { title: 'Nuovo soggetto erogatore' };

export default async function NewProviderPage() {
  await requireRole('office');
  return (
    <div className="space-y-4">
      <p>
        <Link href="/ufficio/amministrazione/soggetti-erogatori" className="link">
          ← Soggetti erogatori
        </Link>
      </p>
      <h1 className="text-3xl font-bold">Nuovo soggetto erogatore</h1>
      <ProviderForm today={isoDate(new Date())} defaults={{ name: '', taxCode: '', email: '', bands: [], measures: [] }} />
    </div>
  );
}
