import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/app/_components/status-badge';
import { getDb } from '@/db';
import { listFamilyVouchers } from '@/db/queries/family-vouchers';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDateIt } from '@/lib/domain/dates';
import { formatEuro } from '@/lib/domain/money';
import { CONVERSION_STATUS_LABELS } from '@/lib/domain/labels';
import { canModifyPes } from '@/lib/domain/voucher-rules';

export const metadata: Metadata = { title: 'Buoni di servizio' };

export default async function FamilyHome() {
  const actor = await requireRole('family');
  const vouchers = await listFamilyVouchers(await getDb(), actor.userId);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Buoni di servizio</h1>
      {vouchers.length === 0 ? <p>Non risultano Buoni di servizio assegnati a tuo nome.</p> : null}
      <ul className="space-y-4">
        {vouchers.map((v) => {
          const conv = v.conversionStatus;
          return (
            <li key={v.id} className="card space-y-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-xl font-bold">Buono {v.number}</h2>
                <StatusBadge
                  label={v.status === 'assigned' ? 'assegnato' : 'concluso'}
                  tone={v.status === 'assigned' ? 'info' : 'neutral'}
                />
              </div>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">Importo assegnato</dt>
                <dd>{formatEuro(v.totalCents)}</dd>
                <dt className="font-semibold">Assegnato il</dt>
                <dd>{formatDateIt(v.assignedOn)}</dd>
                <dt className="font-semibold">Minori</dt>
                <dd>{v.children.map((c) => `${c.givenName} ${c.familyName}`).join(', ')}</dd>
                {conv ? (
                  <>
                    <dt className="font-semibold">Modifica PES</dt>
                    <dd>{CONVERSION_STATUS_LABELS[conv]}</dd>
                  </>
                ) : null}
              </dl>
              {canModifyPes(v.status, conv) ? (
                <Link
                  href={`/famiglia/buoni/${v.id}`}
                  className="btn-primary"
                  aria-label={`Modifica PES del buono ${v.number}`}
                >
                  Modifica PES
                </Link>
              ) : v.status === 'concluded' ? (
                <p className="text-muted">Il buono è concluso: non ci sono PES da modificare.</p>
              ) : (
                <Link
                  href={`/famiglia/buoni/${v.id}`}
                  className="btn-secondary"
                  aria-label={`Vedi la richiesta: modifica PES del buono ${v.number}`}
                >
                  Vedi la richiesta
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
