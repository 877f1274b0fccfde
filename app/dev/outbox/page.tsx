import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listOutbox } from '@/db/queries/list-outbox';
import { currentActor } from '@/lib/auth/current-actor';
import { isDevelopment } from '@/lib/config/runtime-config';
import { devToolsEnabled } from '@/lib/dev-tools-enabled';
import { formatDateTimeIt } from '@/lib/domain/dates';

export const metadata: Metadata = { title: 'Posta di sviluppo', robots: { index: false } };
export const dynamic = 'force-dynamic';

// A reset link is a key to its account: outside `next dev` only a signed-in office clerk sees it.
const RESET_LINK = /https?:\/\/\S*#token=[A-Za-z0-9_-]*/g;
const HIDDEN = '[collegamento riservato: visibile solo all’ufficio collegato]';

const STATUS = { pending: 'in coda', sent: 'inviato', failed: 'non recapitato' } as const;

/** Every e-mail and SMS the app sent, newest first: the OTP and reset flows work locally without any account. */
export default async function DevOutboxPage() {
  if (!devToolsEnabled()) notFound();
  const showLinks = isDevelopment() || (await currentActor())?.role === 'office';
  const rows = await listOutbox(await getDb());
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Posta in uscita (sviluppo)</h1>
      <p>E-mail e SMS generati dall’applicazione, dal più recente. In produzione questa pagina non esiste; nella dimostrazione i collegamenti per la password sono visibili solo all’ufficio.</p>
      {rows.length === 0 ? <p>Nessun messaggio.</p> : null}
      <ol className="space-y-4">
        {rows.map((m) => (
          <li key={m.id} className="card">
            <article aria-labelledby={`msg-${m.id}`}>
              <h2 id={`msg-${m.id}`} className="text-lg font-bold">
                {m.channel === 'sms' ? 'SMS' : 'E-mail'}: {m.subject}
              </h2>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                <dt className="font-semibold">A</dt>
                <dd className="break-all">{m.recipient}</dd>
                <dt className="font-semibold">Quando</dt>
                <dd>{formatDateTimeIt(m.createdAt)}</dd>
                <dt className="font-semibold">Stato</dt>
                <dd>{STATUS[m.status as keyof typeof STATUS] ?? m.status}</dd>
                {m.attachments?.length ? (
                  <>
                    <dt className="font-semibold">Allegati</dt>
                    <dd data-testid="outbox-attachments">
                      {m.attachments.map((a) => ('contentBase64' in a ? `${a.filename} (${a.contentType}, ${Math.round((a.contentBase64.length * 3) / 4 / 1024)} kB)` : `${a.filename} (${a.contentType}, generato all’invio)`)).join(', ')}
                    </dd>
                  </>
                ) : null}
              </dl>
              <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-[#f0f2f5] p-3 font-sans text-sm" data-testid="outbox-body">
                {showLinks ? m.textBody : m.textBody.replace(RESET_LINK, HIDDEN)}
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
