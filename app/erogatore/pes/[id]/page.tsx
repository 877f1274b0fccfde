import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { getProviderPes } from '@/db/queries/provider-pes';
import { requireRole } from '@/lib/auth/current-actor';
import { formatEuro } from '@/lib/domain/money';
import { idSchema } from '@/lib/validation/ids';
import { ProviderPesCard } from '../../pes-card';
import { ClosePesForm } from './close-pes-form';
import { ValidatePesForm } from './validate-pes-form';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'PES' };

const backToDashboard = (
  <p className="mt-2">
    <Link href="/erogatore" className="link">
      Torna al cruscotto
    </Link>
  </p>
);

export default async function ProviderPesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole('provider');
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const p = await getProviderPes(await getDb(), actor.providerId!, id);
  if (!p) notFound();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/erogatore', label: 'Cruscotto' }}>PES {p.code}</PageHeader>
      <ProviderPesCard p={p} headingLevel={2} />
      {p.status === 'close_requested' ? (
        <ClosePesForm
          pesId={p.id}
          code={p.code}
          amountCents={p.amountCents}
          amountLabel={formatEuro(p.amountCents)}
          hours={p.hours}
        />
      ) : null}
      {p.status === 'awaiting_validation' ? <ValidatePesForm pesId={p.id} code={p.code} /> : null}
      {p.status === 'closed' && p.usedCents !== null ? (
        <Alert outcome kind="success" title={`PES ${p.code} chiuso`}>
          <p>
            Importo utilizzato {formatEuro(p.usedCents)} ({p.hoursUsed} ore): liberati{' '}
            {formatEuro(p.amountCents - p.usedCents)} per la famiglia, che è stata avvisata via e-mail.
          </p>
          {backToDashboard}
        </Alert>
      ) : null}
      {p.status === 'validated' ? (
        <Alert outcome kind="success" title={`PES ${p.code} validato`}>
          <p>La famiglia è stata avvisata via e-mail.</p>
          {backToDashboard}
        </Alert>
      ) : null}
      {p.status === 'rejected' ? (
        <Alert outcome kind="warning" title={`PES ${p.code} rifiutato`}>
          <p>Motivo: {p.rejectionReason}</p>
          <p>La famiglia è stata avvisata via e-mail e può correggerlo e chiedere di nuovo la validazione.</p>
          {backToDashboard}
        </Alert>
      ) : null}
    </div>
  );
}
