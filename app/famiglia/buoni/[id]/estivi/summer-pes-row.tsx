'use client';
import type { FieldErrors, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { FieldShell } from '@/app/_components/field-shell';
import { BAND_LABELS, type Band } from '@/lib/domain/bands';
import type { SummerChildView, SummerProviderView, SummerRowValues, SummerSavedView } from './summer-types';

type Form = { pes: SummerRowValues[]; removed: string[] };

/** One summer PES inside a child's panel: the guide's fields, the providers narrowed to the chosen band. */
export function SummerPesRow(props: {
  index: number;
  position: number;
  child: SummerChildView;
  providers: SummerProviderView[];
  values: SummerRowValues;
  saved?: SummerSavedView;
  register: UseFormRegister<Form>;
  setValue: UseFormSetValue<Form>;
  errors: FieldErrors<Form>;
  /** The server's errors by dotted path: shown as they are before hydration (after it, they go through setError). */
  serverErrors?: Record<string, string>;
  onRemove: () => void;
  hydrated: boolean;
}) {
  const { index: i, child, values, register, errors } = props;
  const client = errors.pes?.[i];
  const error = (f: 'band' | 'providerId' | 'amount' | 'hours') =>
    client?.[f]?.message ?? (props.hydrated ? undefined : props.serverErrors?.[`pes.${i}.${f}`]);
  const offered = values.band ? props.providers.filter((p) => p.bands.includes(values.band as Band)) : [];
  const id = (f: string) => `pes-${i}-${f}`;
  const title = `P.E.S. ${props.position} di ${child.name}${props.saved ? ` (${props.saved.code}, ${props.saved.statusLabel})` : ''}`;
  const band = register(`pes.${i}.band`);
  return (
    <fieldset className="rounded border border-[#8a99a8] p-3">
      <legend className="px-1 font-bold">{title}</legend>
      {values.id ? <input type="hidden" {...register(`pes.${i}.id`)} defaultValue={values.id} /> : null}
      <input type="hidden" {...register(`pes.${i}.childId`)} defaultValue={values.childId} />
      <FieldShell id={id('band')} label="Fascia del servizio" error={error('band')}>
        {(a11y) => (
          <select
            className="field-input"
            {...band}
            {...a11y}
            defaultValue={values.band}
            onChange={(e) => {
              void band.onChange(e);
              const still = props.providers
                .find((p) => p.id === values.providerId)
                ?.bands.includes(e.target.value as Band);
              if (!still) props.setValue(`pes.${i}.providerId`, '');
            }}
          >
            <option value="">Scegli la fascia</option>
            {child.bands.map((b) => (
              <option key={b} value={b}>
                {BAND_LABELS[b]}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <p className="mb-4">
        <span className="block font-semibold">Tipologia del servizio</span>
        Servizi Estivi EMERGENZA COVID-19
      </p>
      <FieldShell
        id={id('providerId')}
        label="Soggetto erogatore"
        hint={values.band ? undefined : 'Scegli prima la fascia: compaiono i soggetti che la offrono.'}
        error={error('providerId')}
      >
        {(a11y) => (
          <select
            className="field-input"
            {...register(`pes.${i}.providerId`)}
            {...a11y}
            defaultValue={values.providerId}
          >
            <option value="">Scegli il soggetto erogatore</option>
            {(props.hydrated
              ? offered
              : props.providers.filter((p) => !values.band || p.bands.includes(values.band as Band))
            ).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell
        id={id('amount')}
        label="Quota richiesta a carico del Buono di Servizio (euro)"
        hint="Ad esempio 500,00"
        error={error('amount')}
      >
        {(a11y) => (
          <input
            className="field-input"
            inputMode="decimal"
            autoComplete="off"
            {...register(`pes.${i}.amount`)}
            {...a11y}
            defaultValue={values.amount}
          />
        )}
      </FieldShell>
      <FieldShell
        id={id('hours')}
        label="Ore complessive del servizio richiesto concordate con il soggetto erogatore"
        error={error('hours')}
      >
        {(a11y) => (
          <input
            className="field-input"
            inputMode="numeric"
            autoComplete="off"
            {...register(`pes.${i}.hours`)}
            {...a11y}
            defaultValue={values.hours}
          />
        )}
      </FieldShell>
      <button type="button" className="btn-secondary" onClick={props.onRemove} disabled={!props.hydrated}>
        Cancella questo P.E.S.<span className="sr-only"> ({title})</span>
      </button>
    </fieldset>
  );
}
