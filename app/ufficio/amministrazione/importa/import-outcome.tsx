import { Alert } from '@/app/_components/alert';
import { formatDateTimeIt } from '@/lib/domain/dates';
import type { ImportOutcome } from '@/lib/import/import-outcome';
import { COLUMN_LABELS } from '@/lib/import/voucher-columns';

// useGrouping 'always': the it-IT default writes 5000 but 10.000.
const COUNT = new Intl.NumberFormat('it-IT', { useGrouping: 'always' });
const n = (x: number) => COUNT.format(x);

export function ImportOutcomePanel({ outcome }: { outcome: ImportOutcome & { at: Date } }) {
  const when = `${outcome.fileName}, ${n(outcome.rowCount)} righe, ${outcome.status === 'imported' ? 'importato' : 'controllato'} il ${formatDateTimeIt(outcome.at)}`;
  if (outcome.status === 'imported') {
    const c = outcome.counts;
    return (
      <section aria-labelledby="esito-titolo">
        <Alert kind="success" title="Importazione completata">
          <h2 id="esito-titolo" className="sr-only">
            Esito dell’importazione
          </h2>
          <p>{when}.</p>
          <ul className="ml-5 list-disc">
            <li>
              {n(c.vouchers)} buoni nuovi, con {n(c.children)} minori e {n(c.pes)} PES
            </li>
            <li>
              {n(c.families)} famiglie nuove: {n(c.activationEmails)} e-mail di attivazione dell’accesso in invio
            </li>
            {c.skippedVouchers > 0 ? (
              <li>{n(c.skippedVouchers)} buoni erano già presenti e non sono stati modificati</li>
            ) : null}
          </ul>
        </Alert>
      </section>
    );
  }
  return (
    <section aria-labelledby="esito-titolo" className="space-y-3">
      <Alert kind="error" title="File non importato: nessun dato è stato salvato">
        <p>{when}.</p>
        {outcome.fileError ? (
          <p>{outcome.fileError}</p>
        ) : (
          <p>Correggi le righe indicate qui sotto e importa di nuovo l’intero file.</p>
        )}
      </Alert>
      <h2 id="esito-titolo" className="text-2xl font-bold">
        Righe da correggere
      </h2>
      {outcome.errors.length > 0 ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="errori-didascalia">
          <table className="w-full border-collapse bg-white text-left">
            <caption id="errori-didascalia" className="mb-2 text-left">
              {outcome.errorCount > outcome.errors.length
                ? `${n(outcome.errorCount)} problemi trovati: sono elencati i primi ${n(outcome.errors.length)}.`
                : `${n(outcome.errorCount)} ${outcome.errorCount === 1 ? 'problema trovato' : 'problemi trovati'}.`}
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">
                  Riga
                </th>
                <th scope="col" className="p-2">
                  Colonna
                </th>
                <th scope="col" className="p-2">
                  Problema
                </th>
              </tr>
            </thead>
            <tbody>
              {outcome.errors.map((e, i) => (
                <tr key={i} className="border-b border-[#d9dee3] align-top">
                  <th scope="row" className="p-2 font-semibold">
                    {e.line}
                  </th>
                  <td className="p-2">{e.column ? COLUMN_LABELS[e.column] : '—'}</td>
                  <td className="p-2">{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
