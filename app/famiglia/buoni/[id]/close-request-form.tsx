'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { requestClosingAction } from '@/lib/actions/family/request-closing';
import { requestClosingSchema } from '@/lib/validation/closing';
import { PesFacts } from '@/app/_components/pes-facts';
import type { PesSummary } from './pes-summary';
import { useHydrated } from '@/app/_components/use-hydrated';

// The action's own rules for the selection; the voucher id is added by the component, not typed.
const schema = requestClosingSchema.pick({ pesIds: true });

export function CloseRequestForm({ voucherId, pes, editable }: { voucherId: string; pes: PesSummary[]; editable: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Submitted by JavaScript only: before hydration a click would send a plain GET with the values in the URL.
  const hydrated = useHydrated();
  const [result, setResult] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<{ pesIds: string[] }>({ resolver: zodResolver(schema), defaultValues: { pesIds: [] } });
  const selectable = pes.filter((p) => p.status === 'active');

  const onSubmit = handleSubmit((data) =>
    startTransition(async () => {
      expectOutcomeFocus();
      const r = await requestClosingAction({ voucherId, pesIds: data.pesIds });
      if (r.ok) {
        setResult({ kind: 'success', text: `Richiesta di chiusura inviata per ${r.data.closed.join(', ')}. I soggetti erogatori riceveranno una e-mail.` });
        reset({ pesIds: [] });
        router.refresh();
      } else setResult({ kind: 'error', text: r.message });
    }),
  );

  const error = formState.errors.pesIds?.message;
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={error ? 'pesIds-error' : undefined}>
      {result ? <Alert key={result.text} outcome kind={result.kind} title={result.kind === 'success' ? 'Richiesta inviata' : 'Richiesta non inviata'}>{result.text}</Alert> : null}
      <fieldset>
        <legend className="mb-2">
          {editable && selectable.length > 0 ? 'Seleziona i PES di cui chiedere la chiusura al soggetto erogatore.' : 'PES registrati sul buono.'}
        </legend>
        <ul className="space-y-3">
          {pes.map((p) => {
            const canSelect = editable && p.status === 'active';
            return (
              <li key={p.id} className="card">
                <div className="mb-2 flex items-center gap-3">
                  {canSelect ? (
                    <input id={`pes-${p.id}`} type="checkbox" value={p.id} className="h-6 w-6 accent-pat-blue" {...register('pesIds')} />
                  ) : null}
                  <label htmlFor={canSelect ? `pes-${p.id}` : undefined} className="text-lg font-bold">
                    PES {p.code}
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
        <button type="submit" className="btn-primary mt-4" disabled={!hydrated || pending}>
          {pending ? 'Invio in corso…' : 'Invia richiesta di chiusura'}
        </button>
      ) : null}
    </form>
  );
}
