import Link from 'next/link';
import { OVERDUE_MEASURES, type OverdueCounts, type OverdueStep } from '@/db/queries/overdue-step-counts';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { StatusChart } from './stats-charts';
import { StatsTable } from './stats-table';

const STEP_LABELS: Record<OverdueStep, string> = {
  closing: 'Chiusura del PES (soggetto erogatore)',
  validation: 'Validazione del nuovo PES (soggetto erogatore)',
  decision: 'Decisione dell’ufficio',
  integration: 'Risposta della famiglia alla richiesta di integrazione',
};
// Short enough for the chart's slanted axis at 360 px; the table next to it has the full names.
const CHART_LABELS: Record<OverdueStep, string> = {
  closing: 'Chiusura',
  validation: 'Validazione',
  decision: 'Decisione',
  integration: 'Integrazione',
};
const MEASURE_LABELS = {
  babysitting: 'Babysitting',
  summer: 'Servizi estivi',
  both: 'Entrambi',
  none: 'Misura non ancora scelta',
} as const;

/** Issue 19 item 7: the steps past their term right now, by who must act, per provider and per measure. */
export function OverdueSection({ counts, now }: { counts: OverdueCounts; now: Date }) {
  const { total, byStep, byProvider } = counts;
  return (
    <section aria-labelledby="in-ritardo" className="card space-y-4">
      <h2 id="in-ritardo" className="text-2xl font-bold">
        Passaggi in ritardo adesso
      </h2>
      <p data-testid="overdue-total">
        Adesso ({formatDateTimeIt(now)}){' '}
        {total === 0
          ? 'nessun passaggio ha superato il suo termine.'
          : `${total === 1 ? '1 passaggio ha' : `${total} passaggi hanno`} superato il termine.`}{' '}
        Mentre una pratica è tornata alla famiglia per le integrazioni il termine dell’ufficio è sospeso: il ritardo, se
        c’è, è della famiglia. I PES in ritardo presso i soggetti erogatori sono elencati in{' '}
        <Link href="/ufficio/in-ritardo" className="link">
          In ritardo
        </Link>
        , da dove si invia il sollecito.
      </p>
      {total > 0 ? (
        <StatusChart
          data={byStep.filter((r) => r.total > 0).map((r) => ({ ...r, label: CHART_LABELS[r.step] }))}
          labels={MEASURE_LABELS}
        />
      ) : null}
      <StatsTable
        caption="Passaggi in ritardo per passaggio e per misura"
        corner="Passaggio"
        headers={[...OVERDUE_MEASURES.map((m) => MEASURE_LABELS[m]), 'Totale']}
        rows={[
          ...byStep.map((r) => ({
            key: r.step,
            label: STEP_LABELS[r.step],
            cells: [...OVERDUE_MEASURES.map((m) => String(r[m])), String(r.total)],
          })),
          {
            key: 'total',
            label: 'Totale',
            cells: [...OVERDUE_MEASURES.map((m) => String(byStep.reduce((s, r) => s + r[m], 0))), String(total)],
          },
        ]}
      />
      {byProvider.length === 0 ? (
        <p>Nessun soggetto erogatore è in ritardo.</p>
      ) : (
        <StatsTable
          caption="PES in ritardo per soggetto erogatore"
          corner="Soggetto erogatore"
          headers={[STEP_LABELS.closing, STEP_LABELS.validation, 'Totale']}
          rows={byProvider.map((p) => ({
            key: p.providerId,
            label: p.name,
            cells: [String(p.closing), String(p.validation), String(p.total)],
          }))}
        />
      )}
    </section>
  );
}
