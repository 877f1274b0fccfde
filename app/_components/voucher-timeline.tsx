import { formatDateTimeIt } from '@/lib/domain/dates';
import { formatEuro } from '@/lib/domain/money';

type Event = { id: number; at: Date; action: string; actorRole: string | null; after: unknown; givenName: string | null; familyName: string | null };

function describe(e: Event): string {
  const a = (e.after ?? {}) as Record<string, unknown>;
  const code = typeof a.code === 'string' ? a.code : '';
  switch (e.action) {
    case 'pes.close_requested':
      return `Richiesta di chiusura del PES ${code} inviata al soggetto erogatore`;
    case 'pes.closed':
      return `PES ${code} chiuso dal soggetto erogatore${typeof a.freedCents === 'number' ? `: liberati ${formatEuro(a.freedCents)}` : ''}`;
    case 'conversion.employment_declared':
      return 'Condizione di occupazione dichiarata per il babysitting domiciliare';
    case 'pes.created':
      return `Nuovo PES ${code} inserito`;
    case 'pes.updated':
      return `Nuovo PES ${code} modificato`;
    case 'pes.deleted':
      return `Nuovo PES ${code} eliminato: l’importo torna disponibile`;
    case 'pes.validation_requested':
      return `Richiesta la validazione del PES ${code} al soggetto erogatore`;
    case 'pes.validated':
      return `PES ${code} validato dal soggetto erogatore`;
    case 'pes.rejected':
      return `PES ${code} rifiutato dal soggetto erogatore${typeof a.reason === 'string' ? `: «${a.reason}»` : ''}`;
    case 'document.uploaded':
      return `Caricato il PES concordato per ${code}`;
    case 'document.deleted':
      return `Eliminato il PES concordato per ${code}`;
    case 'conversion.submitted':
      return `Inviata all’ufficio con firma OTP${typeof a.protocolNumber === 'string' ? ` — protocollo ${a.protocolNumber}` : ''}`;
    case 'conversion.otp_sent':
      return `Codice OTP inviato via SMS${typeof a.maskedMobile === 'string' ? ` al numero ${a.maskedMobile}` : ''}`;
    case 'conversion.otp_failed':
      return 'Codice OTP errato';
    case 'conversion.otp_invalidated':
      return 'Codice OTP annullato: i dati della richiesta sono cambiati dopo l’invio';
    case 'conversion.signature_locked':
      return 'Firma OTP bloccata per troppi codici errati';
    case 'conversion.signature_unlocked':
      return 'Firma OTP sbloccata dall’ufficio';
    case 'conversion.approved':
      return 'Modifica convalidata dalla Struttura Multifunzionale Territoriale Ad Personam';
    case 'conversion.rejected':
      return `Modifica respinta${typeof a.reason === 'string' ? `: «${a.reason}»` : ''}`;
    case 'conversion.returned':
      return `Richiesta di integrazione${typeof a.reason === 'string' ? `: «${a.reason}»` : ''}`;
    case 'conversion.signature_unlocked':
      return 'Firma OTP sbloccata dalla Struttura Multifunzionale Territoriale Ad Personam';
    default:
      return e.action;
  }
}

const ROLE = { family: 'famiglia', provider: 'soggetto erogatore', office: 'Struttura Multifunzionale' } as const;

export function VoucherTimeline({ events, next }: { events: Event[]; next: string }) {
  return (
    <section aria-labelledby="cronologia" className="card">
      <h2 id="cronologia" className="mb-3 text-xl font-bold">
        Cronologia
      </h2>
      {events.length === 0 ? <p>Nessuna operazione registrata finora.</p> : null}
      <ol className="space-y-3 border-l-2 border-pat-blue pl-4">
        {events.map((e) => (
          <li key={e.id}>
            <p className="font-semibold">{describe(e)}</p>
            <p className="text-sm text-muted">
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTimeIt(e.at)}</time>
              {e.givenName ? ` — ${e.givenName} ${e.familyName}` : ''}
              {e.actorRole && e.actorRole in ROLE ? ` (${ROLE[e.actorRole as keyof typeof ROLE]})` : ''}
            </p>
          </li>
        ))}
      </ol>
      <div className="mt-4 rounded bg-pat-blue-light p-3">
        <p className="font-semibold">Prossimo passo</p>
        <p>{next}</p>
      </div>
    </section>
  );
}
