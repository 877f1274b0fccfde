'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { FieldShell } from '@/app/_components/field-shell';
import { closePesAction } from '@/lib/actions/provider/close-pes';
import { formatEuro } from '@/lib/domain/money';
import { closePesFieldsSchema } from '@/lib/validation/closing';
import { useHydrated } from '@/app/_components/use-hydrated';

type Values = { usedAmount: string; hoursUsed: string };

/** Two steps: enter what was used, then confirm the summary (the closing cannot be undone). */
export function ClosePesForm({ pesId, code, amountCents, amountLabel, hours }: { pesId: string; code: string; amountCents: number; amountLabel: string; hours: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Submitted by JavaScript only: before hydration a click would send a plain GET with the values in the URL.
  const hydrated = useHydrated();
  const [confirming, setConfirming] = useState<{ usedCents: number; hoursUsed: number; values: Values } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  // The action's own field rules, plus this PES's limits (the server checks them again).
  const schema = closePesFieldsSchema.superRefine((v, ctx) => {
    if (v.usedAmount > amountCents) ctx.addIssue({ code: 'custom', path: ['usedAmount'], message: `L’importo utilizzato non può superare l’importo del PES (${amountLabel}).` });
    if (v.hoursUsed > hours) ctx.addIssue({ code: 'custom', path: ['hoursUsed'], message: `Le ore utilizzate non possono superare le ore del PES (${hours}).` });
  });
  const { register, handleSubmit, formState, setError, getValues } = useForm<Values, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { usedAmount: '', hoursUsed: '' } });
  const e = formState.errors;

  if (outcome?.ok) {
    return (
      <Alert outcome kind="success" title={`PES ${code} chiuso`}>
        <p>{outcome.text}</p>
        <p className="mt-2">
          <Link href="/erogatore" className="link">
            Torna al cruscotto
          </Link>
        </p>
      </Alert>
    );
  }

  if (confirming) {
    const freed = amountCents - confirming.usedCents;
    return (
      <section aria-labelledby="conferma" className="card space-y-3">
        <h2 id="conferma" className="text-xl font-bold" tabIndex={-1} ref={(el) => el?.focus()}>
          Conferma la chiusura del PES {code}
        </h2>
        {outcome && !outcome.ok ? <Alert outcome kind="error" title="Chiusura non registrata">{outcome.text}</Alert> : null}
        <dl className="grid grid-cols-[auto_1fr] gap-x-3">
          <dt className="font-semibold">Importo utilizzato</dt>
          <dd>{formatEuro(confirming.usedCents)} su {amountLabel}</dd>
          <dt className="font-semibold">Ore utilizzate</dt>
          <dd>
            {confirming.hoursUsed} su {hours}
          </dd>
          <dt className="font-semibold">Importo liberato per la famiglia</dt>
          <dd>
            <strong>{formatEuro(freed)}</strong>
          </dd>
        </dl>
        <p>Dopo la conferma il PES risulta chiuso e la famiglia riceve una e-mail. L’operazione non si può annullare.</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button
            type="button"
            className="btn-primary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                expectOutcomeFocus();
                const r = await closePesAction({ pesId, ...confirming.values });
                if (r.ok) {
                  setOutcome({ ok: true, text: `Importo liberato per la famiglia: ${formatEuro(r.data.freedCents)}. La famiglia è stata avvisata via e-mail.` });
                  router.refresh();
                } else {
                  setOutcome({ ok: false, text: r.message });
                  if (r.fieldErrors) {
                    setConfirming(null);
                    for (const [k, m] of Object.entries(r.fieldErrors)) if (k === 'usedAmount' || k === 'hoursUsed') setError(k, { message: m });
                  }
                }
              })
            }
          >
            {pending ? 'Chiusura in corso…' : 'Conferma chiusura'}
          </button>
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => setConfirming(null)}>
            Modifica i dati
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      noValidate
      className="card space-y-2"
      aria-labelledby="chiudi"
      onSubmit={handleSubmit((v) => {
        // The action gets the typed text (it parses it with the same schema), the summary the parsed values.
        const typed = getValues();
        setConfirming({ usedCents: v.usedAmount, hoursUsed: v.hoursUsed, values: { usedAmount: typed.usedAmount, hoursUsed: typed.hoursUsed.trim() } });
      })}
    >
      <h2 id="chiudi" className="text-xl font-bold">
        Chiudi il PES
      </h2>
      {outcome && !outcome.ok ? <Alert kind="error" title="Chiusura non registrata">{outcome.text}</Alert> : null}
      <p>Indica quanto è stato effettivamente utilizzato. La differenza rispetto all’importo del PES ({amountLabel}) torna disponibile alla famiglia.</p>
      <FieldShell id="usedAmount" label="Importo utilizzato (euro)" hint={`Da 0,00 a ${amountLabel}, ad esempio 417,55`} error={e.usedAmount?.message}>
        {(a11y) => <input inputMode="decimal" autoComplete="off" className="field-input" {...a11y} {...register('usedAmount')} />}
      </FieldShell>
      <FieldShell id="hoursUsed" label="Ore utilizzate" hint={`Da 0 a ${hours}`} error={e.hoursUsed?.message}>
        {(a11y) => <input inputMode="numeric" autoComplete="off" className="field-input" {...a11y} {...register('hoursUsed')} />}
      </FieldShell>
      <button type="submit" className="btn-primary" disabled={!hydrated}>
        Prosegui
      </button>
    </form>
  );
}
