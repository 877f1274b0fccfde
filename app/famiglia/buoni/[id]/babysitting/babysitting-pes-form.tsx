'use client';
import { useActionState, useTransition, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { useForm, useWatch } from 'react-hook-form';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus, OutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { rulesResolver } from '@/app/_components/rules-resolver';
import { useHydrated } from '@/app/_components/use-hydrated';
import { saveBabysittingPesAction, type BabysittingPesState } from '@/lib/actions/family/babysitting';
import { echoed, echoedList } from '@/lib/actions/form-input';
import { maxAdmissibleHours } from '@/lib/domain/babysitting';
import { formatMoney } from '@/lib/domain/money';
import { useRuleMessages } from '@/lib/i18n/use-rule-messages';
import { babysittingFieldErrors } from '@/lib/validation/family-pes-rules';

type Props = {
  voucherId: string;
  residualCents: number;
  oneChildRateCents: number;
  multiChildRateCents: number;
  kids: { id: string; label: string }[];
  providers: { id: string; name: string }[];
  editing: { id: string; code: string; childIds: string[]; providerId: string; hours: number } | null;
};
type Values = { childIds: string[]; providerId: string; hours: string };

/**
 * The new-PES window of guide §3.2: a `<form action>`, so it works without JavaScript. Hydrated, the amount
 * and the *ore max ammissibili* follow the fields live (react-hook-form, the action's rules); without
 * JavaScript, Aggiorna asks the server for the same figures. The fields are checked with the action's rules
 * (family-pes-rules.ts), plus the ore max ammissibili for the children chosen. The server checks everything again on saving.
 */
export function BabysittingPesForm({
  voucherId,
  residualCents,
  oneChildRateCents,
  multiChildRateCents,
  kids,
  providers,
  editing,
}: Props) {
  const t = useTranslations('BabysittingForm');
  const locale = useLocale();
  const rules = useRuleMessages();
  const money = (c: number) => formatMoney(c, locale);
  const [state, formAction, actionPending] = useActionState<BabysittingPesState, FormData>(
    saveBabysittingPesAction,
    null,
  );
  const [transitionPending, start] = useTransition();
  const pending = actionPending || transitionPending;
  const hydrated = useHydrated();
  const rateFor = (n: number) => (n >= 2 ? multiChildRateCents : oneChildRateCents);
  // The action's own field rules, plus the ore max ammissibili for the children chosen (the server checks them again).
  const check = (v: Values) => {
    const errors = babysittingFieldErrors(v, rules);
    const n = Array.isArray(v.childIds) ? v.childIds.length : 0;
    const max = maxAdmissibleHours(residualCents, rateFor(Math.max(1, n)));
    if (!errors.hours && Number(v.hours.trim()) > max) errors.hours = t('hoursRange', { max });
    return errors;
  };
  const posted = state?.values;
  const initial: Values = posted
    ? {
        childIds: echoedList(posted, 'childIds'),
        providerId: echoed(posted, 'providerId'),
        hours: echoed(posted, 'hours'),
      }
    : {
        childIds: editing?.childIds ?? [],
        providerId: editing?.providerId ?? '',
        hours: editing ? String(editing.hours) : '',
      };
  const { register, handleSubmit, formState, control } = useForm<Values>({
    resolver: rulesResolver(check),
    defaultValues: initial,
  });
  const childIds = useWatch({ control, name: 'childIds' }) ?? [];
  const hoursText = useWatch({ control, name: 'hours' }) ?? '';
  const n = Array.isArray(childIds) ? childIds.length : 0;
  const rate = rateFor(Math.max(1, n));
  const hours = /^\d{1,5}$/.test(hoursText.trim()) ? Number(hoursText) : 0;
  // Before hydration (or without JavaScript) the figures are the server's, from the last Aggiorna.
  const preview = state?.ok && state.data.step === 'preview' ? state.data : null;
  const figures =
    !hydrated && preview
      ? {
          rate: preview.hourlyRateCents,
          max: preview.maxHours,
          amount: preview.amountCents,
          after: preview.residualAfterCents,
        }
      : {
          rate,
          max: maxAdmissibleHours(residualCents, rate),
          amount: hours * rate,
          after: residualCents - hours * rate,
        };
  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const fieldError = (k: keyof Values) => formState.errors[k]?.message ?? serverErrors[k];
  const e = formState.errors;

  const onSubmit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    expectOutcomeFocus();
    const form = ev.currentTarget;
    const intent =
      ((ev.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === 'preview' ? 'preview' : 'save';
    const post = () => {
      const fd = new FormData(form);
      fd.set('intent', intent);
      start(() => formAction(fd));
    };
    if (intent === 'preview') post();
    else void handleSubmit(post)(ev);
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card space-y-5" aria-labelledby="nuovo-pes">
      {/* Focused when it replaces the employment dialog, whose Conferma had focus. */}
      <h2 id="nuovo-pes" className="text-xl font-bold" tabIndex={-1}>
        <OutcomeFocus />
        {editing ? t('editTitle', { code: editing.code }) : t('newTitle')}
      </h2>
      <input type="hidden" name="voucherId" value={voucherId} />
      {editing ? <input type="hidden" name="pesId" value={editing.id} /> : null}
      {state && !state.ok ? (
        <Alert outcome kind="error" title={t('notSaved')}>
          {state.message}
        </Alert>
      ) : null}
      {preview ? (
        <Alert outcome kind="info" title={t('updatedTitle')}>
          {t('updatedText', {
            hours: preview.hours,
            rate: money(preview.hourlyRateCents),
            amount: money(preview.amountCents),
            after: money(preview.residualAfterCents),
            editing: editing ? 'yes' : 'no',
          })}
        </Alert>
      ) : null}

      <fieldset aria-describedby={fieldError('childIds') ? 'childIds-error' : undefined}>
        <legend className="mb-2 font-semibold">{t('children')}</legend>
        <div className="space-y-2">
          {kids.map((k) => (
            <div key={k.id} className="flex items-center gap-3">
              <input
                id={`child-${k.id}`}
                type="checkbox"
                value={k.id}
                defaultChecked={initial.childIds.includes(k.id)}
                className="h-5 w-5 accent-pat-blue"
                {...register('childIds')}
              />
              <label htmlFor={`child-${k.id}`}>{k.label}</label>
            </div>
          ))}
        </div>
        {fieldError('childIds') ? (
          <p id="childIds-error" className="mt-1 font-semibold text-err">
            {fieldError('childIds')}
          </p>
        ) : null}
      </fieldset>

      <FieldShell id="providerId" label={t('provider')} hint={t('providerHint')} error={fieldError('providerId')}>
        {(a11y) => (
          <select className="field-input" defaultValue={initial.providerId} {...a11y} {...register('providerId')}>
            <option value="">{t('choose')}</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id} lang="it">
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>

      <FieldShell
        id="hours"
        label={t('hours')}
        hint={t.rich('maxHours', {
          max: figures.max,
          strong: (c) => <strong data-testid="ore-max">{c}</strong>,
        })}
        error={e.hours?.message ?? serverErrors.hours}
      >
        {(a11y) => (
          <input
            inputMode="numeric"
            autoComplete="off"
            className="field-input max-w-40"
            defaultValue={initial.hours}
            {...a11y}
            {...register('hours')}
          />
        )}
      </FieldShell>

      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded bg-pat-blue-light p-3" aria-live="polite">
        <dt>{t('available')}</dt>
        <dd className="text-right font-semibold">{money(residualCents)}</dd>
        <dt>{t('rate', { children: n >= 2 ? 'many' : 'one' })}</dt>
        <dd className="text-right font-semibold" data-testid="tariffa">
          {money(figures.rate)}
        </dd>
        <dt>{t('amount')}</dt>
        <dd className="text-right font-semibold" data-testid="importo-pes">
          {money(figures.amount)}
        </dd>
        <dt>{t('after')}</dt>
        <dd className="text-right font-semibold" data-testid="residuo-dopo">
          {money(figures.after)}
        </dd>
      </dl>
      {!hydrated ? <p className="text-sm text-muted">{t('noScript')}</p> : null}

      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" name="intent" value="save" className="btn-primary" disabled={pending}>
          {pending ? t('saving') : editing ? t('saveChanges') : t('save')}
        </button>
        <button type="submit" name="intent" value="preview" className="btn-secondary" disabled={pending}>
          {t.rich('refresh', { sr: (c) => <span className="sr-only">{c}</span> })}
        </button>
      </div>
    </form>
  );
}
