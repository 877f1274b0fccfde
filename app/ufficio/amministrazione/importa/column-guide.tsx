import { VOUCHER_COLUMNS } from '@/lib/import/voucher-columns';

/** The row format, documented next to the form (the template carries the same columns). */
export function ColumnGuide() {
  return (
    <details className="card">
      <summary className="cursor-pointer font-semibold">Il formato del file, colonna per colonna</summary>
      <div className="mt-3 space-y-3">
        <p>
          <strong>Una riga per ogni PES.</strong> I dati del buono, del richiedente e del datore di lavoro si ripetono
          identici su tutte le righe dello stesso buono; i dati del minore su tutte le righe dei suoi PES. Un minore
          senza PES ha una riga con le cinque colonne del PES vuote. La prima riga contiene i nomi delle colonne, in
          qualsiasi ordine.
        </p>
        <p>
          I buoni già presenti (stesso numero) non vengono modificati: importare di nuovo lo stesso file non cambia
          nulla. Alle famiglie nuove arriva un’e-mail con il collegamento per scegliere la password (valido 7 giorni);
          chi ha già un accesso lo mantiene.
        </p>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="colonne-didascalia">
          <table className="w-full border-collapse text-left">
            <caption id="colonne-didascalia" className="mb-2 text-left font-semibold">
              Colonne del file
            </caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="p-2">
                  Colonna
                </th>
                <th scope="col" className="p-2">
                  Contenuto
                </th>
                <th scope="col" className="p-2">
                  Regole
                </th>
              </tr>
            </thead>
            <tbody>
              {VOUCHER_COLUMNS.map((c) => (
                <tr key={c.key} className="border-b border-[#d9dee3] align-top">
                  <th scope="row" className="p-2 font-mono text-sm">
                    {c.key}
                  </th>
                  <td className="p-2">{c.label}</td>
                  <td className="p-2">{c.help}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </details>
  );
}
