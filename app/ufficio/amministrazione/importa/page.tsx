import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/app/_components/alert';
import { getDb } from '@/db';
import { getVoucherImportOutcome } from '@/lib/import/voucher-import-outcome';
import { requireRole } from '@/lib/auth/current-actor';
import { ColumnGuide } from './column-guide';
import { ImportForm } from './import-form';
import { ImportOutcomePanel } from './import-outcome';

export const metadata: Metadata = { title: 'Importa i buoni assegnati' };

const ERRORS: Record<string, string> = {
  no_file: 'Scegli il file CSV da importare.',
  too_large: 'Il file supera 8 MB: dividilo in più file e importali uno alla volta.',
  cross_site: 'Richiesta non valida: ricarica la pagina e riprova.',
  forbidden: 'Non hai i permessi per importare i buoni.',
  unavailable:
    'Il servizio non è momentaneamente disponibile. Riprova tra qualche minuto: nessun dato è stato importato.',
};

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole('office');
  const sp = await searchParams;
  const sha = typeof sp.esito === 'string' ? sp.esito : null;
  const error = typeof sp.errore === 'string' ? ERRORS[sp.errore] : undefined;
  const outcome = sha ? await getVoucherImportOutcome(await getDb(), actor.userId, sha) : null;
  return (
    <div className="space-y-6">
      <nav aria-label="Percorso">
        <Link href="/ufficio/amministrazione" className="link">
          Amministrazione
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">Importa i buoni assegnati</h1>
      <p>
        Carica un file CSV con i buoni assegnati, le famiglie, i minori e i PES in corso. Il file viene controllato riga
        per riga: se anche una sola riga non è corretta non viene importato nulla e trovi qui l’elenco delle righe da
        correggere.
      </p>
      <p>
        <a href="/ufficio/amministrazione/importa/modello" className="btn-secondary" download>
          Scarica il modello CSV
        </a>
      </p>
      {error ? (
        <Alert kind="error" title="File non importato">
          {error}
        </Alert>
      ) : null}
      {sha && !outcome ? (
        <Alert kind="warning" title="Esito non trovato">
          Non trovo l’esito di questa importazione. Carica di nuovo il file.
        </Alert>
      ) : null}
      {outcome ? <ImportOutcomePanel outcome={outcome} /> : null}
      <ImportForm action="/ufficio/amministrazione/importa/carica" />
      <ColumnGuide />
    </div>
  );
}
