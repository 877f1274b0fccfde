'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useActionState, useTransition, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { closePesAction, type ClosePesState } from '@/lib/actions/provider/close-pes';
import { echoed } from '@/lib/actions/form-input';
import { formatEuro } from '@/lib/domain/money';
import { closePesFieldsSchema } from '@/lib/validation/closing';

type Values = { usedAmount: string; hoursUsed: string };

/**
 * Two steps: enter what was used (Prosegui), then confirm the summary computed by the server (Conferma
 * chiusura: the closing cannot be undone). Both are `<form action>` posts, so they work without JavaScript;
 * once hydrated, react-hook-form checks the fields first with the action's rules and this PES's limits.
 */
export function ClosePesForm({
  pesId,
  code,
  amountCents,
  amountLabel,
  hours,
}: {
  pesId: string;
  code: string;
  amountCents: number;
  amountLabel: string;
  hours: number;
}) {
  const [state, formAction, actionPending] = useActionState<ClosePesState, FormData>(closePesAction, null);
  const [transitionPending, startTransition] = useTransition();
  const pending = actionPending || transitionPending;
  // The action's own field rules, plus this PES's limits (the server checks them again).
  const schema = closePesFieldsSchema.superRefine((v, ctx) => {
    if (v.usedAmount > amountCents)
      ctx.addIssue({
        code: 'custom',
        path: ['usedAmount'],
        message: `L’importo utilizzato non può superare l’importo del PES (${amountLabel}).`,
      });
    if (v.hoursUsed > hours)
      ctx.addIssue({
        code: 'custom',
        path: ['hoursUsed'],
        message: `Le ore utilizzate non possono superare le ore del PES (${hours}).`,
      });
  });
  const typed = { usedAmount: echoed(state?.values, 'usedAmount'), hoursUsed: echoed(state?.values, 'hoursUsed') };
  const { register, handleSubmit, formState } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: typed,
  });
  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const fieldError = (k: keyof Values) => formState.errors[k]?.message ?? serverErrors[k];
  const step = state?.ok ? state.data.step : 'edit';

  if (state?.ok && state.data.step === 'done') {
    return (
      <Alert outcome kind="success" title={`PES ${code} chiuso`}>
        <p>
          Importo liberato per la famiglia: {formatEuro(state.data.freedCents)}. La famiglia è stata avvisata via
          e-mail.
        </p>
        <p className="mt-2">
          <Link href="/erogatore" className="link">
            Torna al cruscotto
          </Link>
        </p>
      </Alert>
    );
  }

  if (state?.ok && state.data.step === 'confirm') {
    const c = state.data;
    return (
      <form
        action={formAction}
        onSubmit={() => expectOutcomeFocus()}
        aria-labelledby="conferma"
        className="card space-y-3"
      >
        <h2 id="conferma" className="text-xl font-bold" tabIndex={-1} ref={(el) => el?.focus()}>
          Conferma la chiusura del PES {code}
        </h2>
        <input type="hidden" name="pesId" value={pesId} />
        <input type="hidden" name="usedAmount" value={typed.usedAmount} />
        <input type="hidden" name="hoursUsed" value={typed.hoursUsed} />
        <dl className="grid grid-cols-[auto_1fr] gap-x-3">
          <dt className="font-semibold">Importo utilizzato</dt>
          <dd>
            {formatEuro(c.usedCents)} su {formatEuro(c.amountCents)}
          </dd>
          <dt className="font-semibold">Ore utilizzate</dt>
          <dd>
            {c.hoursUsed} su {c.hours}
          </dd>
          <dt className="font-semibold">Importo liberato per la famiglia</dt>
          <dd>
            <strong>{formatEuro(c.freedCents)}</strong>
          </dd>
        </dl>
        <p>
          Dopo la conferma il PES risulta chiuso e la famiglia riceve una e-mail. L’operazione non si può annullare.
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" name="intent" value="confirm" className="btn-primary" disabled={pending}>
            {pending ? 'Chiusura in corso…' : 'Conferma chiusura'}
          </button>
          <button type="submit" name="intent" value="edit" className="btn-secondary" disabled={pending}>
            Modifica i dati
          </button>
        </div>
      </form>
    );
  }

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    expectOutcomeFocus();
    const form = e.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(e);
  };
  const refusal = state && !state.ok && !state.fieldErrors ? state.message : null;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="card space-y-2" aria-labelledby="chiudi">
      <h2 id="chiudi" className="text-xl font-bold">
        Chiudi il PES
      </h2>
      <input type="hidden" name="pesId" value={pesId} />
      <input type="hidden" name="intent" value="review" />
      {refusal ? (
        <Alert outcome kind="error" title="Chiusura non registrata">
          {refusal}
        </Alert>
      ) : null}
      {step === 'edit' && state && !state.ok && state.fieldErrors ? (
        <Alert outcome kind="error" title="Controlla i dati">
          {state.message}
        </Alert>
      ) : null}
      <p>
        Indica quanto è stato effettivamente utilizzato. La differenza rispetto all’importo del PES ({amountLabel})
        torna disponibile alla famiglia.
      </p>
      <FieldShell
        id="usedAmount"
        label="Importo utilizzato (euro)"
        hint={`Da 0,00 a ${amountLabel}, ad esempio 417,55`}
        error={fieldError('usedAmount')}
      >
        {(a11y) => (
          <input
            inputMode="decimal"
            autoComplete="off"
            className="field-input"
            defaultValue={typed.usedAmount}
            {...a11y}
            {...register('usedAmount')}
          />
        )}
      </FieldShell>
      <FieldShell id="hoursUsed" label="Ore utilizzate" hint={`Da 0 a ${hours}`} error={fieldError('hoursUsed')}>
        {(a11y) => (
          <input
            inputMode="numeric"
            autoComplete="off"
            className="field-input"
            defaultValue={typed.hoursUsed}
            {...a11y}
            {...register('hoursUsed')}
          />
        )}
      </FieldShell>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Attendere…' : 'Prosegui'}
      </button>
    </form>
  );
}
