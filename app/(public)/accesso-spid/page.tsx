import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { OIDC_OUTCOMES, type OidcOutcome } from '@/lib/auth/oidc-refusal-path';

export const metadata: Metadata = { title: 'Accesso con SPID o CIE non riuscito' };

const OFFICE = 'la Struttura Multifunzionale Territoriale Ad Personam della Provincia autonoma di Trento';

const MESSAGES: Record<OidcOutcome, { title: string; text: string }> = {
  'nessun-buono': {
    title: 'Nessun Buono di servizio per questo codice fiscale',
    text: `L’identità digitale è stata verificata, ma al codice fiscale con cui hai effettuato l’accesso non è assegnato alcun Buono di servizio. Se ritieni di averne diritto, contatta ${OFFICE}.`,
  },
  operatore: {
    title: 'Accesso riservato alle famiglie',
    text: 'Gli operatori accedono con le proprie credenziali: usa il modulo «Accesso operatori» con codice fiscale, password e codice dell’app di autenticazione.',
  },
  livello: {
    title: 'Livello di sicurezza non sufficiente',
    text: 'Per questo servizio serve SPID di livello 2 (password e codice temporaneo) oppure la CIE. Riprova scegliendo l’accesso con il secondo fattore.',
  },
  dati: {
    title: 'Codice fiscale non ricevuto',
    text: `Il gestore dell’identità non ha comunicato un codice fiscale valido. Riprova consentendo la condivisione del codice fiscale; se il problema continua, contatta ${OFFICE}.`,
  },
  'non-riuscito': {
    title: 'Accesso non completato',
    text: 'La risposta del servizio di identità non è valida o è scaduta, per esempio perché la pagina è stata ricaricata o aperta di nuovo. Nessun accesso è stato effettuato: ricomincia da «Entra con SPID» o «Entra con CIE».',
  },
  'non-disponibile': {
    title: 'Servizio SPID/CIE non raggiungibile',
    text: 'In questo momento il servizio di identità digitale non risponde. Riprova tra qualche minuto. Gli operatori possono comunque accedere con le proprie credenziali.',
  },
};

function outcomeOf(value: unknown): OidcOutcome {
  const known = Object.values(OIDC_OUTCOMES) as string[];
  return typeof value === 'string' && known.includes(value) ? (value as OidcOutcome) : 'non-riuscito';
}

export default async function OidcOutcomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { title, text } = MESSAGES[outcomeOf((await searchParams).esito)];
  return (
    <div className="mx-auto max-w-prose space-y-4">
      <h1 className="text-3xl font-bold">Accesso con SPID o CIE non riuscito</h1>
      <Alert kind="error" title={title}>
        {text}
      </Alert>
      <Link href="/login" className="btn-primary">
        Torna alla pagina di accesso
      </Link>
    </div>
  );
}
