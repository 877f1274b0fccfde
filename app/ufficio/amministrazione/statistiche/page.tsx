import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { officeStats, STAT_MEASURES, type EuroColumns } from '@/db/queries/office-stats';
import { stepTimes } from '@/db/queries/office-step-times';
import { overdueStepCounts } from '@/db/queries/overdue-step-counts';
import { requireRole } from '@/lib/auth/current-actor';
import { now as clockNow } from '@/lib/clock';
import { formatEuro } from '@/lib/domain/money';
import { CONVERSION_STATUS_LABELS } from '@/lib/domain/labels';
import { OverdueSection } from './overdue-section';
import { EuroChart, StatusChart } from './stats-charts';
import { StatsTable } from './stats-table';
import { StepTimesSection } from './step-times-section';

export const metadata: Metadata = { title: 'Statistiche' };

const MEASURE_LABELS = {
  babysitting: 'Babysitting',
  summer: 'Servizi estivi',
  both: 'Entrambi',
  none: 'Nessun PES ancora',
} as const;
const KIND_LABELS = { babysitting_covid: 'Babysitting COVID-19', summer_covid: 'Servizi estivi COVID-19' } as const;
const EURO_LABELS = {
  approved: 'Convalidate',
  submitted: 'In attesa di convalida',
  all: 'Tutte le modifiche',
} as const;
const OUTCOME_LABELS = {
  all: 'Tutte le decisioni',
  approved: 'Convalidate',
  rejected: 'Respinte',
  returned: 'Restituite per integrazioni',
} as const;
const days = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

const euroCells = (e: EuroColumns) => [
  formatEuro(e.approvedCents),
  formatEuro(e.submittedCents),
  formatEuro(e.allCents),
];
const euroBar = (label: string, e: EuroColumns) => ({
  label,
  approved: e.approvedCents / 100,
  submitted: e.submittedCents / 100,
  all: e.allCents / 100,
});

export default async function StatisticsPage() {
  await requireRole('office');
  const db = await getDb();
  const now = clockNow();
  const [stats, times, overdue] = await Promise.all([officeStats(db), stepTimes(db), overdueStepCounts(db, now)]);
  const statuses = stats.byStatus.filter((r) => r.total > 0);
  const euroHeaders = ['Convalidate', 'In attesa di convalida (inviate)', 'Tutte le modifiche, in qualsiasi stato'];
  return (
    <div className="space-y-8">
      <nav aria-label="Percorso">
        <Link href="/ufficio/amministrazione" className="link">
          Amministrazione
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">Statistiche</h1>

      <section aria-labelledby="stati" className="card space-y-4">
        <h2 id="stati" className="text-2xl font-bold">
          Modifiche PES per stato e per misura
        </h2>
        <p>
          La misura è quella dei nuovi PES della modifica (esclusi quelli eliminati o rifiutati dal soggetto erogatore).
        </p>
        <StatusChart
          data={statuses.map((r) => ({ label: CONVERSION_STATUS_LABELS[r.status], ...r }))}
          labels={MEASURE_LABELS}
        />
        <StatsTable
          caption="Numero di modifiche PES per stato e per misura"
          corner="Stato"
          headers={[...STAT_MEASURES.map((m) => MEASURE_LABELS[m]), 'Totale']}
          rows={stats.byStatus.map((r) => ({
            key: r.status,
            label: CONVERSION_STATUS_LABELS[r.status],
            cells: [...STAT_MEASURES.map((m) => String(r[m])), String(r.total)],
          }))}
        />
      </section>

      <section aria-labelledby="euro-misura" className="card space-y-4">
        <h2 id="euro-misura" className="text-2xl font-bold">
          Euro convertiti per misura
        </h2>
        <p>
          Somma degli importi dei nuovi PES (esclusi quelli eliminati o rifiutati): delle modifiche convalidate, di
          quelle inviate e in attesa di convalida, e di tutte le modifiche in qualsiasi stato, comprese quelle ancora in
          compilazione.
        </p>
        <EuroChart data={stats.euroByMeasure.map((r) => euroBar(KIND_LABELS[r.kind], r))} labels={EURO_LABELS} />
        <StatsTable
          caption="Euro convertiti per misura"
          corner="Misura"
          headers={euroHeaders}
          rows={stats.euroByMeasure.map((r) => ({ key: r.kind, label: KIND_LABELS[r.kind], cells: euroCells(r) }))}
        />
      </section>

      <section aria-labelledby="euro-erogatore" className="card space-y-4">
        <h2 id="euro-erogatore" className="text-2xl font-bold">
          Euro convertiti per soggetto erogatore
        </h2>
        {stats.euroByProvider.length === 0 ? (
          <p>Nessun nuovo PES finora.</p>
        ) : (
          <>
            <EuroChart
              layout="vertical"
              data={stats.euroByProvider.map((r) => euroBar(r.name, r))}
              labels={EURO_LABELS}
            />
            <StatsTable
              caption="Euro convertiti per soggetto erogatore"
              corner="Soggetto erogatore"
              headers={euroHeaders}
              rows={stats.euroByProvider.map((r) => ({ key: r.providerId, label: r.name, cells: euroCells(r) }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="tempi" className="card space-y-4">
        <h2 id="tempi" className="text-2xl font-bold">
          Tempi di decisione
        </h2>
        <p>
          Giorni dall’ultimo invio firmato alla decisione dell’ufficio: mediana (metà delle decisioni è arrivata prima,
          metà dopo).
        </p>
        <StatsTable
          caption="Mediana dei giorni dall’invio alla decisione"
          corner="Esito"
          headers={['Giorni (mediana)', 'Decisioni']}
          rows={stats.decisionDays.map((d) => ({
            key: d.status,
            label: OUTCOME_LABELS[d.status],
            cells: [d.medianDays === null ? '—' : days.format(d.medianDays), String(d.decided)],
          }))}
        />
      </section>

      <StepTimesSection times={times} />
      <OverdueSection counts={overdue} now={now} />
    </div>
  );
}
