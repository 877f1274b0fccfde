import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { formatDateTimeIt } from '@/lib/domain/dates';

type Conversion = {
  status: string;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  protocolNumber: string | null;
} | null;

/**
 * The office's decision on the family's voucher page; when returned, the reason and a direct link to what to
 * fix. A rejected request stays shown, with its protocol, above the new one the family may present.
 */
export function ConversionOutcome({
  voucherId,
  conversion: c,
  rejected = null,
  hasBabysitting,
}: {
  voucherId: string;
  conversion: Conversion;
  rejected?: Conversion;
  hasBabysitting: boolean;
}) {
  if (rejected?.decidedAt && c?.status !== 'approved' && !c?.submittedAt) return <RejectedOutcome r={rejected} />;
  if (!c?.submittedAt || !c.decidedAt) return null;
  const when = formatDateTimeIt(c.decidedAt);
  if (c.status === 'approved') {
    return (
      <Alert kind="success" title="Modifica PES convalidata">
        La Struttura Multifunzionale Territoriale Ad Personam ha convalidato la modifica il {when}: i servizi possono
        essere attivati in accordo con i soggetti erogatori.
      </Alert>
    );
  }
  // Returned, and possibly already being corrected (draft / awaiting validation / ready): until it is signed again.
  if (['returned', 'draft', 'awaiting_validation', 'ready_to_submit'].includes(c.status)) {
    return (
      <div id="integrazione">
        <Alert kind="warning" title="Richiesta di integrazione">
          <p>
            Il {when} la Struttura Multifunzionale Territoriale Ad Personam ha chiesto di integrare la modifica
            {c.protocolNumber ? ` (protocollo ${c.protocolNumber})` : ''}: «{c.decisionReason}».
          </p>
          <p>
            Correggi quanto indicato: un PES modificato va validato di nuovo dal soggetto erogatore. Poi invia di nuovo
            la richiesta di convalida e firmala con un nuovo codice OTP; il numero di protocollo resta lo stesso.
          </p>
          <ul className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
            <li>
              <a href="#nuovi-pes" className="link">
                Vai ai nuovi PES
              </a>
            </li>
            {hasBabysitting ? (
              <li>
                <Link href={`/famiglia/buoni/${voucherId}/babysitting`} className="link">
                  PES servizi babysitting
                </Link>
              </li>
            ) : null}
            <li>
              <Link href={`/famiglia/buoni/${voucherId}/estivi`} className="link">
                PES servizi estivi e documenti
              </Link>
            </li>
          </ul>
        </Alert>
      </div>
    );
  }
  return null;
}

/** Respingi is final for that request, not for the money: the new PES were cancelled and the freed amount is free again. */
function RejectedOutcome({ r }: { r: NonNullable<Conversion> }) {
  return (
    <Alert kind="warning" title="Modifica PES respinta">
      <p>
        Il {formatDateTimeIt(r.decidedAt!)} la Struttura Multifunzionale Territoriale Ad Personam ha respinto la
        richiesta{r.protocolNumber ? ` con protocollo ${r.protocolNumber}` : ''}. Motivo: «{r.decisionReason}».
      </p>
      <p data-testid="nuova-richiesta">
        La richiesta è stata respinta: puoi presentare una nuova richiesta di modifica del PES con lo stesso importo
        liberato. I nuovi PES della richiesta respinta sono annullati.
      </p>
    </Alert>
  );
}
