'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus, OutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { saveBabysittingPesAction } from '@/lib/actions/family/babysitting';
import { maxAdmissibleHours } from '@/lib/domain/babysitting';
import { formatEuro } from '@/lib/domain/money';
import { babysittingPesFieldsSchema } from '@/lib/validation/babysitting';
import { useHydrated } from '@/app/_components/use-hydrated';

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

/** The new-PES window of guide §3.2, with *ore max ammissibili* shown live and enforced again by the server. */
export function BabysittingPesForm({ voucherId, residualCents, oneChildRateCents, multiChildRateCents, kids, providers, editing }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  // Submitted by JavaScript only: before hydration a click would send a plain GET with the values in the URL.
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const rateFor = (n: number) => (n >= 2 ? multiChildRateCents : oneChildRateCents);
  // The action's own field rules, plus the ore max ammissibili for the children chosen (the server checks them again).
  const schema = babysittingPesFieldsSchema.superRefine((v, ctx) => {
    const max = maxAdmissibleHours(residualCents, rateFor(Math.max(1, v.childIds.length)));
    if (v.hours > max) ctx.addIssue({ code: 'custom', path: ['hours'], message: `Inserisci un numero di ore tra 1 e ${max} (ore max ammissibili).` });
  });
  const { register, handleSubmit, formState, control, setError: setFieldError, getValues } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { childIds: editing?.childIds ?? [], providerId: editing?.providerId ?? '', hours: editing ? String(editing.hours) : '' },
  });
  const childIds = useWatch({ control, name: 'childIds' }) ?? [];
  const hoursText = useWatch({ control, name: 'hours' }) ?? '';
  const n = Array.isArray(childIds) ? childIds.length : 0;
  const rate = rateFor(Math.max(1, n));
  const max = maxAdmissibleHours(residualCents, rate);
  const hours = /^\d{1,5}$/.test(hoursText.trim()) ? Number(hoursText) : 0;
  const amount = hours * rate;
  const e = formState.errors;

  const onSubmit = handleSubmit((v) =>
    start(async () => {
      setError(null);
      expectOutcomeFocus();
      const r = await saveBabysittingPesAction({ voucherId, ...(editing ? { pesId: editing.id } : {}), childIds: v.childIds, providerId: v.providerId, hours: getValues('hours').trim() });
      if (r.ok) {
        router.push(`/famiglia/buoni/${voucherId}?salvato=${encodeURIComponent(r.data.code)}`);
        return;
      }
      setError(r.message);
      for (const [k, m] of Object.entries(r.fieldErrors ?? {})) if (k === 'childIds' || k === 'providerId' || k === 'hours') setFieldError(k, { message: m });
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5" aria-labelledby="nuovo-pes">
      {/* Focused when it replaces the employment dialog, whose Conferma had focus. */}
      <h2 id="nuovo-pes" className="text-xl font-bold" tabIndex={-1}>
        <OutcomeFocus />
        {editing ? `Modifica il PES ${editing.code}` : 'Nuovo PES servizi babysitting domiciliari'}
      </h2>
      {error ? <Alert outcome kind="error" title="PES non salvato">{error}</Alert> : null}

      <fieldset aria-describedby={e.childIds ? 'childIds-error' : undefined}>
        <legend className="mb-2 font-semibold">Figli per i quali si richiede il servizio</legend>
        <div className="space-y-2">
          {kids.map((k) => (
            <div key={k.id} className="flex items-center gap-3">
              <input id={`child-${k.id}`} type="checkbox" value={k.id} className="h-5 w-5 accent-pat-blue" {...register('childIds')} />
              <label htmlFor={`child-${k.id}`}>{k.label}</label>
            </div>
          ))}
        </div>
        {e.childIds ? (
          <p id="childIds-error" className="mt-1 font-semibold text-err">
            {e.childIds.message}
          </p>
        ) : null}
      </fieldset>

      <FieldShell id="providerId" label="Soggetto erogatore" hint="Sono elencati solo i soggetti erogatori che hanno aderito alla misura." error={e.providerId?.message}>
        {(a11y) => (
          <select className="field-input" {...a11y} {...register('providerId')}>
            <option value="">Seleziona…</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>

      <FieldShell
        id="hours"
        label="Ore complessive del servizio richiesto concordate con il soggetto erogatore"
        hint={
          <>
            Ore max ammissibili: <strong data-testid="ore-max">{max}</strong>
          </>
        }
        error={e.hours?.message}
      >
        {(a11y) => <input inputMode="numeric" autoComplete="off" className="field-input max-w-40" {...a11y} {...register('hours')} />}
      </FieldShell>

      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded bg-pat-blue-light p-3" aria-live="polite">
        <dt>Importo utilizzabile</dt>
        <dd className="text-right font-semibold">{formatEuro(residualCents)}</dd>
        <dt>Costo orario coperto dal buono ({n >= 2 ? 'due o più minori' : 'un minore'}, al netto della quota del 10 % a carico della famiglia)</dt>
        <dd className="text-right font-semibold" data-testid="tariffa">
          {formatEuro(rate)}
        </dd>
        <dt>Importo del PES</dt>
        <dd className="text-right font-semibold" data-testid="importo-pes">
          {formatEuro(amount)}
        </dd>
        <dt>Importo residuo dopo questo PES</dt>
        <dd className="text-right font-semibold" data-testid="residuo-dopo">
          {formatEuro(residualCents - amount)}
        </dd>
      </dl>

      <button type="submit" className="btn-primary" disabled={!hydrated || pending}>
        {pending ? 'Salvataggio…' : editing ? 'Salva le modifiche' : 'Salva il PES'}
      </button>
    </form>
  );
}
