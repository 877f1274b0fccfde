import { PROVIDER_STEPS, STEPS, type Step, type StepStat, type StepTimes } from '@/db/queries/office-step-times';
import { DaysChart } from './stats-charts';
import { StatsTable } from './stats-table';

const STEP_LABELS: Record<Step, string> = {
  closing: 'Chiusura del PES',
  validation: 'Validazione del nuovo PES',
  decision: 'Decisione dell’ufficio',
};
const MEASURE_LABELS = { babysitting: 'Babysitting', summer: 'Servizi estivi', both: 'Entrambi' } as const;
const days = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });
const fmt = (v: number | null) => (v === null ? '—' : days.format(v));
const cells = (s: StepStat) => [fmt(s.medianDays), fmt(s.p90Days), String(s.count)];
const headersFor = (steps: readonly Step[]) =>
  steps.flatMap((s) => [`${STEP_LABELS[s]}: mediana`, `${STEP_LABELS[s]}: 90° percentile`, `${STEP_LABELS[s]}: casi`]);

/** Issue 19 item 7: how long each step of the procedure takes, overall, per provider and per measure. */
export function StepTimesSection({ times }: { times: StepTimes }) {
  return (
    <section aria-labelledby="tempi-passaggi" className="card space-y-4">
      <h2 id="tempi-passaggi" className="text-2xl font-bold">
        Tempi per passaggio
      </h2>
      <p>
        Giorni impiegati nei passaggi conclusi: la mediana (metà dei casi ha richiesto meno, metà di più) e il 90°
        percentile (9 casi su 10 hanno richiesto al massimo questi giorni). I passaggi ancora in attesa non sono
        contati.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <strong>Chiusura del PES</strong>: dalla richiesta di chiusura della famiglia alla chiusura del soggetto
          erogatore; la misura è quella a cui è andato l’importo liberato.
        </li>
        <li>
          <strong>Validazione del nuovo PES</strong>: dall’ultima richiesta di validazione alla decisione del soggetto
          erogatore (validato o rifiutato).
        </li>
        <li>
          <strong>Decisione dell’ufficio</strong>: dall’invio firmato alla convalida o al rifiuto, senza il tempo in cui
          la pratica era tornata alla famiglia per le integrazioni (dalla richiesta di integrazione al nuovo invio).
        </li>
      </ul>
      <DaysChart
        data={STEPS.map((s) => ({
          label: STEP_LABELS[s],
          median: times.overall[s].medianDays,
          p90: times.overall[s].p90Days,
        }))}
        labels={{ median: 'Mediana', p90: '90° percentile' }}
      />
      <StatsTable
        caption="Giorni per passaggio"
        corner="Passaggio"
        headers={['Mediana (giorni)', '90° percentile (giorni)', 'Casi']}
        rows={STEPS.map((s) => ({ key: s, label: STEP_LABELS[s], cells: cells(times.overall[s]) }))}
      />
      {times.byProvider.length === 0 ? (
        <p>Nessun passaggio concluso dai soggetti erogatori finora.</p>
      ) : (
        <StatsTable
          caption="Giorni per passaggio, per soggetto erogatore"
          corner="Soggetto erogatore"
          headers={headersFor(PROVIDER_STEPS)}
          rows={times.byProvider.map((p) => ({
            key: p.providerId,
            label: p.name,
            cells: PROVIDER_STEPS.flatMap((s) => cells(p[s])),
          }))}
        />
      )}
      <StatsTable
        caption="Giorni per passaggio, per misura"
        corner="Misura"
        headers={headersFor(STEPS)}
        rows={times.byMeasure.map((m) => ({
          key: m.measure,
          label: MEASURE_LABELS[m.measure],
          cells: STEPS.flatMap((s) => cells(m[s])),
        }))}
      />
    </section>
  );
}
