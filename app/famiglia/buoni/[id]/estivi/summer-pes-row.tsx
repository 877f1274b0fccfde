'use client';
import { useLocale, useTranslations } from 'next-intl';
import type { FieldErrors, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { FieldShell } from '@/app/_components/field-shell';
import type { Band } from '@/lib/domain/bands';
import { formatMoneyPlain } from '@/lib/domain/money';
import { srOnly } from './sr-only';
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
  const t = useTranslations('SummerPes');
  const locale = useLocale();
  const { index: i, child, values, register, errors } = props;
  const client = errors.pes?.[i];
  const error = (f: 'band' | 'providerId' | 'amount' | 'hours') =>
    client?.[f]?.message ?? (props.hydrated ? undefined : props.serverErrors?.[`pes.${i}.${f}`]);
  const offered = values.band ? props.providers.filter((p) => p.bands.includes(values.band as Band)) : [];
  const id = (f: string) => `pes-${i}-${f}`;
  const title = props.saved
    ? t('rowTitleSaved', {
        position: props.position,
        name: child.name,
        code: props.saved.code,
        status: props.saved.statusLabel,
      })
    : t('rowTitle', { position: props.position, name: child.name });
  const band = register(`pes.${i}.band`);
  return (
    <fieldset className="rounded border border-[#8a99a8] p-3">
      <legend className="px-1 font-bold">{title}</legend>
      {values.id ? <input type="hidden" {...register(`pes.${i}.id`)} defaultValue={values.id} /> : null}
      <input type="hidden" {...register(`pes.${i}.childId`)} defaultValue={values.childId} />
      <FieldShell id={id('band')} label={t('band')} error={error('band')}>
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
            <option value="">{t('chooseBand')}</option>
            {child.bands.map((b) => (
              <option key={b} value={b}>
                {t(`band_${b}`)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <p className="mb-4">
        <span className="block font-semibold">{t('serviceType')}</span>
        {t('serviceTypeValue')}
      </p>
      <FieldShell
        id={id('providerId')}
        label={t('provider')}
        hint={values.band ? undefined : t('providerHint')}
        error={error('providerId')}
      >
        {(a11y) => (
          <select
            className="field-input"
            {...register(`pes.${i}.providerId`)}
            {...a11y}
            defaultValue={values.providerId}
          >
            <option value="">{t('chooseProvider')}</option>
            {(props.hydrated
              ? offered
              : props.providers.filter((p) => !values.band || p.bands.includes(values.band as Band))
            ).map((p) => (
              <option key={p.id} value={p.id} lang="it">
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <FieldShell
        id={id('amount')}
        label={t('amount')}
        hint={t('amountHint', { example: formatMoneyPlain(50000, locale) })}
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
      <FieldShell id={id('hours')} label={t('hours')} error={error('hours')}>
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
        {t.rich('remove', { title, sr: srOnly })}
      </button>
    </fieldset>
  );
}
