'use client';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { saveProviderAction } from '@/lib/actions/office/admin-providers';
import { MEASURE_LABELS } from '../measure-labels';

export type ProviderFormDefaults = {
  providerId?: string;
  name: string;
  taxCode: string;
  email: string;
  bands: string[];
  measures: { measure: string; joinedOn: string; leftOn: string | null }[];
};

const BAND_LABELS = {
  A: 'A — da 3 mesi a 3 anni',
  B: 'B — da 3 a 6 anni',
  C: 'C — da 6 a 14 anni (18 con disabilità)',
} as const;
const MEASURE_FIELDS = [
  { measure: 'babysitting_covid', prefix: 'babysitting' },
  { measure: 'summer_covid', prefix: 'summer' },
] as const;

export function ProviderForm({ defaults, today }: { defaults: ProviderFormDefaults; today: string }) {
  const [state, action] = useActionState(saveProviderAction, null);
  const fe = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const typed = state && !state.ok && 'values' in state ? state.values : undefined;
  const value = (name: string, fallback: string) => {
    const v = typed?.[name];
    return typed ? (typeof v === 'string' ? v : '') : fallback;
  };
  const list = (name: string, fallback: string[]) => (typed ? [typed[name] ?? []].flat() : fallback);
  return (
    <form action={action} noValidate className="card space-y-2">
      {state && !state.ok ? (
        <Alert kind="error" title="Soggetto erogatore non salvato">
          {state.message}
        </Alert>
      ) : null}
      {defaults.providerId ? <input type="hidden" name="providerId" value={defaults.providerId} /> : null}
      <TextField
        id="name"
        name="name"
        label="Denominazione"
        required
        maxLength={200}
        defaultValue={value('name', defaults.name)}
        error={fe.name}
      />
      <TextField
        id="taxCode"
        name="taxCode"
        label="Codice fiscale / partita IVA"
        hint="11 cifre per un ente (l’ultima è di controllo), oppure 16 caratteri per una persona fisica."
        required
        maxLength={20}
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={value('taxCode', defaults.taxCode)}
        error={fe.taxCode}
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label="E-mail per le notifiche"
        hint="Riceve le richieste di chiusura e di validazione dei PES."
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={value('email', defaults.email)}
        error={fe.email}
      />

      <fieldset className="mb-4" aria-describedby={fe.bands ? 'bands-error' : undefined}>
        <legend className="mb-1 font-semibold">Fasce di servizio offerte</legend>
        {(['A', 'B', 'C'] as const).map((b) => (
          <label key={b} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              name="bands"
              value={b}
              defaultChecked={list('bands', defaults.bands).includes(b)}
              className="h-5 w-5"
            />
            {BAND_LABELS[b]}
          </label>
        ))}
        {fe.bands ? (
          <p id="bands-error" className="mt-1 text-sm font-semibold text-err">
            {fe.bands}
          </p>
        ) : null}
      </fieldset>

      {MEASURE_FIELDS.map(({ measure, prefix }) => {
        const current = defaults.measures.find((m) => m.measure === measure);
        const member = current ? !current.leftOn || current.leftOn > today : false;
        return (
          <fieldset key={measure} className="mb-4 rounded border border-[#d9dee3] p-3">
            <legend className="px-1 font-semibold">{MEASURE_LABELS[measure]}</legend>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name={`${prefix}Joined`}
                defaultChecked={typed ? typed[`${prefix}Joined`] === 'on' : member}
                className="h-5 w-5"
              />
              Aderisce alla misura (compare nell’elenco delle famiglie per i nuovi PES)
            </label>
            <div className="grid gap-x-4 sm:grid-cols-2">
              <TextField
                id={`${prefix}From`}
                name={`${prefix}From`}
                type="date"
                label="Aderisce dal"
                defaultValue={value(`${prefix}From`, current?.joinedOn ?? today)}
                error={fe[`${prefix}From`]}
              />
              <TextField
                id={`${prefix}Until`}
                name={`${prefix}Until`}
                type="date"
                label="Non più offerto dal (facoltativo)"
                hint="Lascia vuoto se aderisce senza scadenza. I PES già inseriti restano validi."
                defaultValue={value(`${prefix}Until`, current?.leftOn ?? '')}
                error={fe[`${prefix}Until`]}
              />
            </div>
          </fieldset>
        );
      })}
      <SubmitButton>Salva il soggetto erogatore</SubmitButton>
    </form>
  );
}
