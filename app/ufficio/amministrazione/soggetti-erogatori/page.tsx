import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { listProvidersForOffice } from '@/db/queries/admin/providers';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDateIt } from '@/lib/domain/dates';
import { MEASURE_LABELS } from '../measure-labels';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Soggetti erogatori' };

export default async function ProvidersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireRole('office');
  const sp = await searchParams;
  const rows = await listProvidersForOffice(await getDb());
  const saved = typeof sp.salvato === 'string' ? rows.find((r) => r.id === sp.salvato) : undefined;
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: '/ufficio/amministrazione', label: 'Amministrazione' }}>Soggetti erogatori</PageHeader>
      {saved ? <Alert kind="success" title={`Soggetto erogatore «${saved.name}» salvato.`} /> : null}
      <p>
        <Link href="/ufficio/amministrazione/soggetti-erogatori/nuovo" className="btn-primary">
          Nuovo soggetto erogatore
        </Link>
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">
            Soggetti erogatori, con fasce offerte e misure COVID-19 a cui aderiscono
          </caption>
          <thead>
            <tr className="border-b-2 border-[#5c6f82]">
              <th scope="col" className="p-2">
                Denominazione
              </th>
              <th scope="col" className="p-2">
                Codice fiscale / P. IVA
              </th>
              <th scope="col" className="p-2">
                E-mail per le notifiche
              </th>
              <th scope="col" className="p-2">
                Fasce
              </th>
              <th scope="col" className="p-2">
                Misure COVID-19
              </th>
              <th scope="col" className="p-2">
                Operatori
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} className="border-b border-[#d9dee3] align-top">
                <th scope="row" className="p-2 font-semibold">
                  <Link href={`/ufficio/amministrazione/soggetti-erogatori/${p.id}`} className="link">
                    {p.name}
                  </Link>
                  <span className="block text-sm font-normal text-muted">{p.code}</span>
                </th>
                <td className="p-2 font-mono">{p.taxCode}</td>
                <td className="p-2 break-all">{p.email}</td>
                <td className="p-2">{p.bands.join(', ') || '—'}</td>
                <td className="p-2">
                  {p.measures.length ? (
                    <ul>
                      {p.measures.map((m) => (
                        <li key={m.measure}>
                          {MEASURE_LABELS[m.measure]}: dal {formatDateIt(m.joinedOn)}
                          {m.leftOn ? `, non più offerto dal ${formatDateIt(m.leftOn)}` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    'nessuna'
                  )}
                </td>
                <td className="p-2">{p.staffCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
