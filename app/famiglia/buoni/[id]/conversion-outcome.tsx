import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { formatDateTimeIt } from '@/lib/domain/dates';

type Conversion = { status: string; submittedAt: Date | null; decidedAt: Date | null; decisionReason: string | null; protocolNumber: string | null } | null;

/** The office's decision on the family's voucher page; when returned, the reason and a direct link to what to fix. */
export function ConversionOutcome({ voucherId, conversion: c, hasBabysitting }: { voucherId: string; conversion: Conversion; hasBabysitting: boolean }) {
  if (!c?.submittedAt || !c.decidedAt) return null;
  const when = formatDateTimeIt(c.decidedAt);
  if (c.status === 'approved') {
    return (
      <Alert kind="success" title="Modifica PES convalidata">
        La Struttura Multifunzionale Territoriale Ad Personam ha convalidato la modifica il {when}: i servizi possono essere attivati in accordo con i soggetti erogatori.
      </Alert>
    );
  }
  if (c.status === 'rejected') {
    return (
      <Alert kind="warning" title="Modifica PES respinta">
        <p>
          La Struttura Multifunzionale Territoriale Ad Personam ha respinto la modifica il {when}. Motivo: «{c.decisionReason}».
        </p>
        <p>I nuovi PES sono annullati.</p>
      </Alert>
    );
  }
  // Returned, and possibly already being corrected (draft / awaiting validation / ready): until it is signed again.
  if (['returned', 'draft', 'awaiting_validation', 'ready_to_submit'].includes(c.status)) {
    return (
      <div id="integrazione">
        <Alert kind="warning" title="Richiesta di integrazione">
          <p>
            Il {when} la Struttura Multifunzionale Territoriale Ad Personam ha chiesto di integrare la modifica{c.protocolNumber ? ` (protocollo ${c.protocolNumber})` : ''}: «{c.decisionReason}».
          </p>
          <p>Correggi quanto indicato: un PES modificato va validato di nuovo dal soggetto erogatore. Poi invia di nuovo la richiesta di convalida e firmala con un nuovo codice OTP; il numero di protocollo resta lo stesso.</p>
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
