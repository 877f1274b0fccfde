import { PesDetails } from './pes-details';
import type { PesSummary } from './pes-summary';

/** The new COVID-19 PES of the conversion (babysitting and summer services). */
export function NewPesList({ pes }: { voucherId: string; pes: PesSummary[]; editable: boolean }) {
  return (
    <section aria-labelledby="nuovi-pes" className="space-y-3">
      <h2 id="nuovi-pes" className="text-xl font-bold">
        Nuovi PES emergenza COVID-19
      </h2>
      <ul className="space-y-3">
        {pes.map((p) => (
          <li key={p.id} className="card">
            <p className="mb-2 text-lg font-bold">
              PES {p.code} — {p.kind === 'babysitting_covid' ? 'Babysitting domiciliare' : 'Servizi estivi'} EMERGENZA COVID-19
            </p>
            <PesDetails p={p} />
            {p.rejectionReason && p.status === 'rejected' ? <p className="mt-2 text-err">Motivo del rifiuto: {p.rejectionReason}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
