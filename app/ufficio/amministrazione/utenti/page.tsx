import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { listStaffUsers } from '@/db/queries/admin/staff-users';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { UserRowActions } from './user-row-actions';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Utenti' };

const ROLE = { provider: 'Soggetto erogatore', office: 'Struttura' } as const;

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('office');
  const sp = await searchParams;
  const rows = await listStaffUsers(await getDb());
  const created = typeof sp.creato === 'string' ? rows.find((r) => r.id === sp.creato) : undefined;
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: '/ufficio/amministrazione', label: 'Amministrazione' }}>Utenti</PageHeader>
      {created ? (
        <Alert kind="success" title={`Utente ${created.givenName} ${created.familyName} creato.`}>
          Abbiamo inviato a {created.email} il collegamento per scegliere la password (valido 72 ore, una sola volta).
        </Alert>
      ) : null}
      <p>
        Operatori dei soggetti erogatori e della Struttura. Le famiglie ricevono l’accesso con l’importazione dei buoni.
      </p>
      <p>
        <Link href="/ufficio/amministrazione/utenti/nuovo" className="btn-primary">
          Nuovo utente
        </Link>
      </p>
      <ul className="space-y-3" aria-label="Operatori">
        {rows.map((u) => (
          <li key={u.id} className="card space-y-2">
            <h2 className="text-xl font-bold">
              {u.givenName} {u.familyName}
              {u.id === actor.userId ? <span className="text-base font-normal"> (tu)</span> : null}
            </h2>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-semibold">Codice fiscale</dt>
              <dd className="font-mono">{u.codiceFiscale}</dd>
              <dt className="font-semibold">Ruolo</dt>
              <dd>
                {ROLE[u.role as keyof typeof ROLE]}
                {u.providerName ? ` — ${u.providerName}` : ''}
              </dd>
              <dt className="font-semibold">E-mail</dt>
              <dd className="break-all">{u.email}</dd>
              <dt className="font-semibold">Stato</dt>
              <dd>{u.active ? 'attivo' : 'disattivato'}</dd>
              <dt className="font-semibold">Ultimo accesso</dt>
              <dd>{u.lastLoginAt ? formatDateTimeIt(u.lastLoginAt) : 'mai'}</dd>
              <dt className="font-semibold">Verifica in due passaggi</dt>
              <dd>{u.mfaEnrolledAt ? `attiva dal ${formatDateTimeIt(u.mfaEnrolledAt)}` : 'non attivata'}</dd>
            </dl>
            {u.id === actor.userId ? null : (
              <UserRowActions
                userId={u.id}
                name={`${u.givenName} ${u.familyName}`}
                active={u.active}
                mfaEnrolled={Boolean(u.mfaEnrolledAt)}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
