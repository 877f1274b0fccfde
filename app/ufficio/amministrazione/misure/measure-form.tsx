'use client';
import { useActionState, useState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { updateMeasureParametersAction } from '@/lib/actions/office/admin-measures';
import { previewCoveredRates, type RatePreview } from '@/lib/domain/measure-preview';
import { formatEuro, parseEuro } from '@/lib/domain/money';
import { parsePercent } from '@/lib/domain/percent';

type Values = {
  opensOn: string;
  closesOn: string;
  hourlyCapOneChild: string;
  hourlyCapMultiChild: string;
  copayPercent: string;
  closeTermWorkingDays: string;
  validateTermWorkingDays: string;
  decisionTermDays: string;
  integrationTermDays: string;
};

// Issue 19: who must act, within how many days; the hint says how the days are counted.
const TERM_FIELDS = [
  [
    'closeTermWorkingDays',
    'Termine per chiudere un PES (giorni lavorativi)',
    'Dalla richiesta di chiusura della famiglia.',
  ],
  [
    'validateTermWorkingDays',
    'Termine per validare un nuovo PES (giorni lavorativi)',
    'Dalla richiesta di validazione.',
  ],
  [
    'decisionTermDays',
    'Termine per la decisione dell’ufficio (giorni di calendario)',
    'Dall’invio; sospeso durante l’integrazione.',
  ],
  [
    'integrationTermDays',
    'Termine per rispondere a una richiesta di integrazione (giorni di calendario)',
    'Dalla richiesta dell’ufficio.',
  ],
] as const;

function params(v: Pick<Values, 'hourlyCapOneChild' | 'hourlyCapMultiChild' | 'copayPercent'>) {
  const cents = (s: string) => {
    const r = s.trim() ? parseEuro(s) : null;
    return r?.ok ? (r.cents as number) : null;
  };
  const copay = parsePercent(v.copayPercent);
  return copay.ok
    ? {
        hourlyCapOneChildCents: cents(v.hourlyCapOneChild),
        hourlyCapMultiChildCents: cents(v.hourlyCapMultiChild),
        copayBasisPoints: copay.basisPoints,
      }
    : null;
}

function PreviewTable({ rows, caption }: { rows: RatePreview[]; caption: string }) {
  const euro = (c: number | null) => (c === null ? '—' : formatEuro(c));
  return (
    <table className="w-full border-collapse bg-white text-left">
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-[#5c6f82]">
          <th scope="col" className="p-2">
            Minori
          </th>
          <th scope="col" className="p-2">
            Coperto dal buono ora (per ora)
          </th>
          <th scope="col" className="p-2">
            Con le modifiche (per ora)
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.children} className="border-b border-[#d9dee3]">
            <th scope="row" className="p-2">
              {r.children === 'one' ? 'Un minore' : 'Due o più minori'}
            </th>
            <td className="p-2">{euro(r.before)}</td>
            <td className="p-2 font-semibold">{euro(r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Dates, caps and share of one measure; «Anteprima» is computed by the server, and live while typing once hydrated. */
export function MeasureForm({
  measure,
  defaults,
}: {
  measure: 'babysitting_covid' | 'summer_covid';
  defaults: Values;
}) {
  const [state, action] = useActionState(updateMeasureParametersAction, null);
  const typed = state && 'values' in state ? state.values : undefined;
  const value = (k: keyof Values) => (typeof typed?.[k] === 'string' ? (typed[k] as string) : defaults[k]);
  const [live, setLive] = useState<RatePreview[] | null>(null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = (k: string) => `${measure}-${k}`;
  const before = params(defaults);
  const babysitting = measure === 'babysitting_covid';

  return (
    <form
      action={action}
      noValidate
      onInput={(e) => {
        if (!babysitting || !before) return;
        const f = new FormData(e.currentTarget);
        const after = params({
          hourlyCapOneChild: String(f.get('hourlyCapOneChild') ?? ''),
          hourlyCapMultiChild: String(f.get('hourlyCapMultiChild') ?? ''),
          copayPercent: String(f.get('copayPercent') ?? ''),
        });
        setLive(after ? previewCoveredRates(before, after) : null);
      }}
    >
      <input type="hidden" name="measure" value={measure} />
      {state && !state.ok ? (
        <Alert kind="error" title="Parametri non salvati">
          {state.message}
        </Alert>
      ) : null}
      {state?.ok && state.data.saved ? (
        <Alert kind="success" title="Parametri salvati.">
          Valgono per i nuovi PES e per i termini che iniziano da adesso.
        </Alert>
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          id={id('opensOn')}
          name="opensOn"
          type="date"
          label="Apertura (primo giorno)"
          required
          defaultValue={value('opensOn')}
          error={fe.opensOn}
        />
        <TextField
          id={id('closesOn')}
          name="closesOn"
          type="date"
          label="Chiusura (ultimo giorno)"
          required
          defaultValue={value('closesOn')}
          error={fe.closesOn}
        />
        <TextField
          id={id('hourlyCapOneChild')}
          name="hourlyCapOneChild"
          label="Costo orario massimo, un minore (euro)"
          hint={babysitting ? undefined : 'Facoltativo: i servizi estivi si concordano in euro.'}
          inputMode="decimal"
          required={babysitting}
          defaultValue={value('hourlyCapOneChild')}
          error={fe.hourlyCapOneChild}
        />
        <TextField
          id={id('hourlyCapMultiChild')}
          name="hourlyCapMultiChild"
          label="Costo orario massimo, due o più minori (euro)"
          hint={babysitting ? undefined : 'Facoltativo.'}
          inputMode="decimal"
          required={babysitting}
          defaultValue={value('hourlyCapMultiChild')}
          error={fe.hourlyCapMultiChild}
        />
        <TextField
          id={id('copayPercent')}
          name="copayPercent"
          label="Quota a carico della famiglia (%)"
          hint="Da 0 a 100, ad esempio 10."
          inputMode="decimal"
          required
          defaultValue={value('copayPercent')}
          error={fe.copayPercent}
        />
      </div>
      <fieldset className="mb-2">
        <legend className="mb-2 font-semibold">Termini</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {TERM_FIELDS.map(([name, label, hint]) => (
            <TextField
              key={name}
              id={id(name)}
              name={name}
              label={label}
              hint={`${hint} Da 1 a 365.`}
              inputMode="numeric"
              required
              defaultValue={value(name)}
              error={fe[name]}
            />
          ))}
        </div>
      </fieldset>
      {babysitting && live ? (
        <div aria-live="polite" className="mb-4">
          <PreviewTable rows={live} caption="Anteprima mentre scrivi" />
        </div>
      ) : null}
      {babysitting && !live && state?.ok ? (
        <div role="status" className="mb-4">
          <PreviewTable
            rows={state.data.preview}
            caption={state.data.saved ? 'Tariffe orarie coperte dal buono' : 'Anteprima (non ancora salvata)'}
          />
        </div>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        {babysitting ? (
          <SubmitButton className="btn-secondary" name="intent" value="preview">
            Anteprima
          </SubmitButton>
        ) : null}
        <SubmitButton name="intent" value="save">
          Salva
        </SubmitButton>
      </div>
    </form>
  );
}
