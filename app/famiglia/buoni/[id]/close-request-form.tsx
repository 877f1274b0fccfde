'use client';
import { useActionState, useEffect, useTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { requestClosingAction, type RequestClosingState } from '@/lib/actions/family/request-closing';
import { echoedList } from '@/lib/actions/form-input';
import { PesFacts } from '@/app/_components/pes-facts';
import { italian } from '@/lib/i18n/italian';
import type { PesSummary } from './pes-summary';

// The one rule a family can break here, checked before posting with react-hook-form's own rule and the
// action's words; the action checks everything again with its zod schema. No zod resolver: it would put zod
// (45 KiB compressed) in the bundle of the family's main page for a single "at least one" (quality P5).
const atLeastOne = (message: string) => (v: string[] | string | boolean) =>
  (Array.isArray(v) ? v.length > 0 : Boolean(v)) || message;

/**
 * INVIA RICHIESTA DI CHIUSURA: a `<form action>` posted to the server, so it works before hydration and
 * without JavaScript (the page comes back with the outcome and the boxes still ticked on refusal). Once
 * hydrated, react-hook-form checks the selection first (atLeastOne).
 */
export function CloseRequestForm({
  voucherId,
  pes,
  editable,
}: {
  voucherId: string;
  pes: PesSummary[];
  editable: boolean;
}) {
  const t = useTranslations('CloseRequest');
  const [state, formAction] = useActionState<RequestClosingState, FormData>(requestClosingAction, null);
  const [pending, startTransition] = useTransition();
  const ticked = state && !state.ok ? echoedList(state.values, 'pesIds') : [];
  const { register, handleSubmit, formState, reset } = useForm<{ pesIds: string[] }>({
    defaultValues: { pesIds: ticked },
  });
  const selectable = pes.filter((p) => p.status === 'active');

  useEffect(() => {
    if (state?.ok) reset({ pesIds: [] });
  }, [state, reset]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    void handleSubmit(() => {
      expectOutcomeFocus();
      startTransition(() => formAction(new FormData(form)));
    })(e);
  };

  // The server's only refusal of this field is an empty selection: said in the family's language.
  const error =
    formState.errors.pesIds?.message ?? (state && !state.ok && state.fieldErrors?.pesIds ? t('selectOne') : undefined);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-describedby={error ? 'pesIds-error' : undefined}>
      <input type="hidden" name="voucherId" value={voucherId} />
      {state?.ok ? (
        <Alert key={state.data.closed.join()} outcome kind="success" title={t('sentTitle')}>
          {t('sentText', { codes: state.data.closed.join(', ') })}
        </Alert>
      ) : null}
      {state && !state.ok && !state.fieldErrors?.pesIds ? (
        <Alert key={state.message} outcome kind="error" title={t('notSentTitle')}>
          {state.message}
        </Alert>
      ) : null}
      <fieldset>
        <legend className="mb-2">{editable && selectable.length > 0 ? t('legendSelect') : t('legendList')}</legend>
        <ul className="space-y-3">
          {pes.map((p) => {
            const canSelect = editable && p.status === 'active';
            return (
              <li key={p.id} className="card">
                <div className="mb-2 flex items-center gap-3">
                  {canSelect ? (
                    <input
                      id={`pes-${p.id}`}
                      type="checkbox"
                      value={p.id}
                      defaultChecked={ticked.includes(p.id)}
                      className="h-6 w-6 accent-pat-blue"
                      {...register('pesIds', { validate: atLeastOne(t('selectOne')) })}
                    />
                  ) : null}
                  <label htmlFor={canSelect ? `pes-${p.id}` : undefined} className="text-lg font-bold">
                    {t('pes', { code: p.code })}
                  </label>
                </div>
                <PesFacts f={p.facts} />
              </li>
            );
          })}
        </ul>
      </fieldset>
      {error ? (
        <p id="pesIds-error" role="alert" className="mt-2 font-semibold text-err">
          {error}
        </p>
      ) : null}
      {editable && selectable.length > 0 ? (
        <button type="submit" className="btn-primary mt-4" disabled={pending}>
          {pending ? t('sending') : t.rich('submit', { it: italian })}
        </button>
      ) : null}
    </form>
  );
}
