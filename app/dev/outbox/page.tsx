import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/current-actor';
import { devToolsEnabled } from '@/lib/dev-tools-enabled';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { devOutboxFor } from '@/lib/notifications/dev-outbox';

export const metadata: Metadata = { title: 'Posta di sviluppo', robots: { index: false } };
export const dynamic = 'force-dynamic';

const STATUS = {
  pending: 'in coda',
  sent: 'inviato',
  failed: 'non recapitato',
  not_allowed: 'non inviato: il destinatario non riceve i messaggi di questo servizio su App IO',
} as const;
const CHANNEL = { email: 'E-mail', sms: 'SMS', io: 'App IO' } as const;

/** The e-mails, SMS and App IO messages the app sent, newest first, as the signed-in user may read them (lib/notifications/dev-outbox.ts). */
export default async function DevOutboxPage() {
  if (!devToolsEnabled()) notFound();
  // Opened even for a visitor: the first request of a fresh demo initialises the database here.
  const db = await getDb();
  const rows = await devOutboxFor(db, await currentActor());
  if (!rows) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">Posta in uscita (sviluppo)</h1>
        <p>Qui ognuno legge solo i messaggi indirizzati a sé (codici OTP, collegamenti per la password).</p>
        <p>
          <Link href="/login" className="btn-primary">
            Accedi per leggere i tuoi messaggi
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Posta in uscita (sviluppo)</h1>
      <p>
        E-mail, SMS e messaggi App IO (testo Markdown) generati dall’applicazione, dal più recente: i tuoi, o tutti se
        sei dell’ufficio. In produzione questa pagina non esiste; codici e collegamenti restano leggibili finché sono
        validi, poi il messaggio li mostra rimossi.
      </p>
      {rows.length === 0 ? <p>Nessun messaggio.</p> : null}
      <ol className="space-y-4">
        {rows.map((m) => (
          <li key={m.id} className="card">
            <article aria-labelledby={`msg-${m.id}`}>
              <h2 id={`msg-${m.id}`} className="text-lg font-bold">
                {CHANNEL[m.channel as keyof typeof CHANNEL] ?? m.channel}: {m.subject}
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="font-semibold">A</dt>
                <dd className="break-all">{m.recipient}</dd>
                <dt className="font-semibold">Quando</dt>
                <dd>{formatDateTimeIt(m.createdAt)}</dd>
                <dt className="font-semibold">Stato</dt>
                <dd>{STATUS[m.status as keyof typeof STATUS] ?? m.status}</dd>
                {m.status === 'failed' && m.lastError ? (
                  <>
                    <dt className="font-semibold">Motivo</dt>
                    <dd>{m.lastError}</dd>
                  </>
                ) : null}
                {m.attachments?.length ? (
                  <>
                    <dt className="font-semibold">Allegati</dt>
                    <dd data-testid="outbox-attachments">
                      {m.attachments
                        .map((a) =>
                          'contentBase64' in a
                            ? `${a.filename} (${a.contentType}, ${Math.round((a.contentBase64.length * 3) / 4 / 1024)} kB)`
                            : `${a.filename} (${a.contentType}, generato all’invio)`,
                        )
                        .join(', ')}
                    </dd>
                  </>
                ) : null}
              </dl>
              <pre
                className="mt-2 whitespace-pre-wrap break-words rounded bg-[#f0f2f5] p-3 font-sans text-sm"
                data-testid="outbox-body"
              >
                {m.body}
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
