import type { Metadata } from 'next';
import { getDb } from '@/db';
import { getMeasureParameters } from '@/db/queries/measures';
import { localFeasts } from '@/db/queries/term-calendar';
import { formatLocalFeasts } from '@/lib/domain/local-feasts';
import { requireRole } from '@/lib/auth/current-actor';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { formatEuroPlain } from '@/lib/domain/money';
import { formatPercent } from '@/lib/domain/percent';
import { MEASURE_LABELS } from '../measure-labels';
import { LocalFeastsForm } from './local-feasts-form';
import { MeasureForm } from './measure-form';
import { PageHeader } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Parametri delle misure' };

const percent = (bp: number) => formatPercent(bp).replace(' %', '');

export default async function MeasuresPage() {
  await requireRole('office');
  const db = await getDb();
  const [babysitting, summer, feasts] = await Promise.all([
    getMeasureParameters(db, 'babysitting_covid'),
    getMeasureParameters(db, 'summer_covid'),
    localFeasts(db),
  ]);
  const rows = [babysitting, summer].filter((r) => r !== null);
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: '/ufficio/amministrazione', label: 'Amministrazione' }}>
        Parametri delle misure
      </PageHeader>
      <p>
        Le modifiche valgono per i nuovi PES inseriti dopo il salvataggio; i PES già inseriti mantengono l’importo con
        cui sono stati registrati. Con «Anteprima» vedi l’effetto sulle tariffe orarie coperte dal buono senza salvare.
      </p>
      <p>
        I termini valgono per i passaggi che iniziano dopo il salvataggio: una richiesta già inviata mantiene la
        scadenza calcolata quando è partita. I giorni lavorativi escludono sabato, domenica, le festività nazionali e le
        festività locali indicate in fondo alla pagina; una scadenza che cade in un giorno festivo passa al primo giorno
        lavorativo successivo. Ogni termine scade alle 23:59 (ora italiana) del giorno di scadenza.
      </p>
      {rows.map((m) => (
        <section key={m.measure} aria-labelledby={`m-${m.measure}`} className="card space-y-2">
          <h2 id={`m-${m.measure}`} className="text-2xl font-bold">
            {MEASURE_LABELS[m.measure]}
          </h2>
          <p className="text-muted">
            {m.legalReference} — ultima modifica {formatDateTimeIt(m.updatedAt)}
          </p>
          <MeasureForm
            measure={m.measure as 'babysitting_covid' | 'summer_covid'}
            defaults={{
              opensOn: m.opensOn,
              closesOn: m.closesOn,
              hourlyCapOneChild: m.hourlyCapOneChildCents === null ? '' : formatEuroPlain(m.hourlyCapOneChildCents),
              hourlyCapMultiChild:
                m.hourlyCapMultiChildCents === null ? '' : formatEuroPlain(m.hourlyCapMultiChildCents),
              copayPercent: percent(m.copayBasisPoints),
              closeTermWorkingDays: String(m.closeTermWorkingDays),
              validateTermWorkingDays: String(m.validateTermWorkingDays),
              decisionTermDays: String(m.decisionTermDays),
              integrationTermDays: String(m.integrationTermDays),
            }}
          />
        </section>
      ))}
      <section aria-labelledby="festivita-locali" className="card space-y-2">
        <h2 id="festivita-locali" className="text-2xl font-bold">
          Festività locali
        </h2>
        <p>
          Giorni non lavorativi in aggiunta alle festività nazionali, ogni anno, ad esempio il patrono (San Vigilio a
          Trento, 26 giugno). Valgono per tutte le misure.
        </p>
        <LocalFeastsForm defaultValue={formatLocalFeasts(feasts)} />
      </section>
    </div>
  );
}
