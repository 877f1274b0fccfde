'use client';
import { useActionState, useEffect, useTransition, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { Alert } from '@/app/_components/alert';
import { rulesResolver } from '@/app/_components/rules-resolver';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { useHydrated } from '@/app/_components/use-hydrated';
import { summerPesFormAction, type SummerFormState } from '@/lib/actions/family/summer';
import { formatMoney, parseMoneyInput } from '@/lib/domain/money';
import { italian } from '@/lib/i18n/italian';
import { runningResidual } from '@/lib/domain/summer';
import { summerRowsCodes } from '@/lib/validation/summer-messages';
import { useSummerFieldText } from './use-summer-field-text';
import { SummerPesRow } from './summer-pes-row';
import { srOnly } from './sr-only';
import type { SummerChildView, SummerProviderView, SummerRowValues, SummerSavedView } from './summer-types';

type Form = { pes: SummerRowValues[]; removed: string[] };

function Residual({ cents, id }: { cents: number; id?: string }) {
  const t = useTranslations('SummerPes');
  return (
    <div className="rounded border-2 border-pat-blue p-3" id={id}>
      <p className="font-bold">{t('totalTitle')}</p>
      <p>
        {t('residualLabel')}{' '}
        <strong className={`text-xl ${cents < 0 ? 'text-err' : 'text-pat-blue-dark'}`} data-testid="residuo-estivi">
          {formatMoney(cents, useLocale())}
        </strong>
      </p>
    </div>
  );
}

/**
 * RICHIESTA P.E.S. SERVIZI ESTIVI (guide §3.3): one panel per child, the residual net of the page's PES
 * live at the top and bottom. Aggiorna posts to the server (works before hydration); conferma i dati e
 * prosegui needs the live field array, so it stays disabled until the page has hydrated.
 */
export function SummerPesForm(props: {
  voucherId: string;
  baseResidualCents: number;
  kids: SummerChildView[];
  providers: SummerProviderView[];
  initial: SummerRowValues[];
  saved: SummerSavedView[];
}) {
  const t = useTranslations('SummerPes');
  const locale = useLocale();
  const fieldText = useSummerFieldText();
  const hydrated = useHydrated();
  const [state, formAction] = useActionState<SummerFormState | null, FormData>(summerPesFormAction, null);
  const [pending, start] = useTransition();
  const initialRows = (state?.values?.pes as SummerRowValues[] | undefined) ?? props.initial;
  const { control, register, setValue, setError, handleSubmit, getValues, formState } = useForm<Form>({
    resolver: rulesResolver<Form>((v) => fieldText(summerRowsCodes(v, locale), v)),
    defaultValues: { pes: initialRows, removed: state?.values?.removed ?? [] },
  });
  // keyName: the rows have their own `id` (the saved PES), which react-hook-form's default key would overwrite.
  const { fields, append, remove } = useFieldArray({ control, name: 'pes', keyName: 'key' });
  const live = useWatch({ control, name: 'pes' }) ?? initialRows;
  const removed = useWatch({ control, name: 'removed' }) ?? [];

  useEffect(() => {
    for (const [key, message] of Object.entries(state?.fieldErrors ?? {}))
      if (key.startsWith('pes.')) setError(key as 'pes', { message });
  }, [state, setError]);

  const amounts = live.map((r) => {
    const p = parseMoneyInput(r?.amount ?? '', locale);
    return p.ok ? p.cents : null;
  });
  const left = hydrated
    ? runningResidual(props.baseResidualCents, amounts).leftCents
    : (state?.residualAfterCents ?? runningResidual(props.baseResidualCents, amounts).leftCents);

  const post = (intent: 'save' | 'refresh', v: Form) => {
    const fd = new FormData();
    fd.append('voucherId', props.voucherId);
    fd.append('intent', intent);
    v.removed.forEach((id, i) => fd.append(`removed.${i}`, id));
    v.pes.forEach((r, i) => {
      if (r.id) fd.append(`pes.${i}.id`, r.id);
      for (const k of ['childId', 'band', 'providerId', 'amount', 'hours'] as const)
        fd.append(`pes.${i}.${k}`, r[k] ?? '');
    });
    expectOutcomeFocus();
    start(() => formAction(fd));
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const intent =
      ((e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'refresh' ? 'refresh' : 'save';
    if (intent === 'refresh') post('refresh', getValues());
    // handleSubmit hands over the schema's output (cents, numbers): the action parses the typed text itself.
    else void handleSubmit(() => post('save', getValues()))(e);
  };

  const saved = new Map(props.saved.map((s) => [s.id, s]));
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby="riepilogo-estivi">
      <input type="hidden" name="voucherId" value={props.voucherId} />
      {removed.map((id, i) => (
        <input key={id} type="hidden" name={`removed.${i}`} value={id} />
      ))}
      <Residual cents={left} id="riepilogo-estivi" />
      {state && !state.ok && state.message ? (
        <Alert outcome kind="error" title={t('notSavedTitle')}>
          {state.message}
        </Alert>
      ) : null}
      {state?.ok ? (
        <Alert outcome kind="info" title={t('refreshedTitle')}>
          {t('refreshedText', { amount: formatMoney(state.residualAfterCents ?? 0, locale) })}
        </Alert>
      ) : null}
      {Object.keys(formState.errors).length && !state?.message ? (
        <Alert kind="error" title={t('checkTitle')}>
          {t('fixFields')}
        </Alert>
      ) : null}
      {props.kids.map((child) => {
        const mine = fields
          .map((f, index) => ({ f, index }))
          .filter(({ index }) => (live[index]?.childId ?? fields[index]?.childId) === child.id);
        return (
          <details key={child.id} open className="card">
            <summary className="cursor-pointer text-lg font-bold">
              {t('childSummary', { ordinal: child.ordinal, name: child.name, age: child.age })}{' '}
              <span className="text-sm font-normal text-muted">{t('toggle')}</span>
            </summary>
            <div className="mt-3 space-y-3">
              {mine.length === 0 ? <p>{t('noPes')}</p> : null}
              {child.bands.length === 0 ? <p>{t('noBand', { name: child.name })}</p> : null}
              {mine.map(({ f, index }, n) => (
                <SummerPesRow
                  key={f.key}
                  index={index}
                  position={n + 1}
                  child={child}
                  providers={props.providers}
                  values={{ ...f, ...live[index], id: live[index]?.id ?? f.id } as SummerRowValues}
                  saved={live[index]?.id ? saved.get(live[index]!.id!) : undefined}
                  register={register}
                  setValue={setValue}
                  errors={formState.errors}
                  serverErrors={state?.fieldErrors}
                  hydrated={hydrated}
                  onRemove={() => {
                    const id = getValues(`pes.${index}.id`);
                    if (id) setValue('removed', [...getValues('removed'), id]);
                    remove(index);
                  }}
                />
              ))}
              {child.bands.length > 0 ? (
                <button
                  type="button"
                  className="btn-secondary"
                  disabled={!hydrated}
                  onClick={() =>
                    append({
                      childId: child.id,
                      band: child.bands.length === 1 ? child.bands[0]! : '',
                      providerId: '',
                      amount: '',
                      hours: '',
                    })
                  }
                >
                  {t.rich('add', { name: child.name, sr: srOnly })}
                </button>
              ) : null}
            </div>
          </details>
        );
      })}
      <Residual cents={left} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="intent" value="refresh" className="btn-secondary" disabled={pending}>
          {t.rich('refresh', { it: italian })}
        </button>
        <button type="submit" name="intent" value="save" className="btn-primary" disabled={!hydrated || pending}>
          {pending ? t('saving') : t.rich('save', { it: italian })}
        </button>
      </div>
      {!hydrated ? <p className="text-sm text-muted">{t('loading')}</p> : null}
    </form>
  );
}
