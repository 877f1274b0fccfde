'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { declareEmploymentAction } from '@/lib/actions/family/babysitting';
import { ELIGIBILITY_REASON_MESSAGES, EMPLOYMENT_CONDITION_LABELS, EMPLOYMENT_CONDITIONS, type EligibilityReason, type EmploymentCondition } from '@/lib/domain/eligibility';
import { useHydrated } from '@/app/_components/use-hydrated';

type Employer = { name: string; taxCode: string; address: string; sector: string };

/** "Condizione di occupazione" window of guide §3.2. */
export function EmploymentDialog({ voucherId, twoParentHousehold, employer }: { voucherId: string; twoParentHousehold: boolean; employer: Employer }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  // Submitted by JavaScript only: before hydration a click would send a plain GET with the values in the URL.
  const hydrated = useHydrated();
  const [condition, setCondition] = useState<EmploymentCondition | ''>('');
  const [returns, setReturns] = useState(false);
  const [partner, setPartner] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [refusal, setRefusal] = useState<EligibilityReason[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = (employerConfirmed: boolean) =>
    start(async () => {
      setError(null);
      if (!condition) {
        setError('Seleziona la tua condizione di occupazione.');
        return;
      }
      expectOutcomeFocus();
      const r = await declareEmploymentAction({ voucherId, condition, returnsToWorkOutsideHome: returns, otherParentEmployed: twoParentHousehold && partner, employerConfirmed });
      if (!r.ok) return setError(r.message);
      if (!r.data.eligible) {
        setRefusal(r.data.reasons);
        setConfirming(false);
      } else if ('needsEmployerConfirmation' in r.data) {
        setRefusal(null);
        setConfirming(true);
      } else router.refresh();
    });

  if (confirming) {
    return (
      <section aria-labelledby="datore" className="card space-y-3">
        <h2 id="datore" className="text-xl font-bold" tabIndex={-1} ref={(el) => el?.focus()}>
          Conferma i dati del datore di lavoro
        </h2>
        <p>Questi sono i dati del datore di lavoro inseriti nella richiesta del buono di servizio:</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="font-semibold">Datore di lavoro</dt>
          <dd>{employer.name}</dd>
          <dt className="font-semibold">Codice fiscale</dt>
          <dd>{employer.taxCode}</dd>
          <dt className="font-semibold">Indirizzo</dt>
          <dd>{employer.address}</dd>
          <dt className="font-semibold">Settore</dt>
          <dd>{employer.sector}</dd>
        </dl>
        <p className="text-sm">
          Se i dati non sono corretti non confermare: contatta la Struttura Multifunzionale Territoriale Ad Personam, che li correggerà nella domanda del buono.
        </p>
        {error ? <Alert outcome kind="error" title="Conferma non registrata">{error}</Alert> : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="button" className="btn-primary" disabled={pending} onClick={() => send(true)}>
            {pending ? 'Attendere…' : 'Confermo i dati del datore di lavoro'}
          </button>
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => setConfirming(false)}>
            Indietro
          </button>
        </div>
      </section>
    );
  }

  return (
    <form
      className="card space-y-4"
      aria-labelledby="condizione"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      <h2 id="condizione" className="text-xl font-bold">
        Condizione di occupazione
      </h2>
      {refusal ? (
        <Alert outcome kind="error" title="Il babysitting domiciliare non è disponibile per la condizione dichiarata">
          <ul className="list-disc pl-5">
            {refusal.map((r) => (
              <li key={r}>{ELIGIBILITY_REASON_MESSAGES[r]}</li>
            ))}
          </ul>
          <p className="mt-2">
            I servizi estivi restano disponibili per tutti:{' '}
            <Link href={`/famiglia/buoni/${voucherId}/estivi`} className="link">
              aggiungi PES servizi estivi
            </Link>
            .
          </p>
        </Alert>
      ) : null}
      {error ? <Alert outcome kind="error" title="Dichiarazione non registrata">{error}</Alert> : null}
      <fieldset>
        <legend className="mb-2 font-semibold">Seleziona la tua condizione di occupazione</legend>
        <div className="space-y-2">
          {EMPLOYMENT_CONDITIONS.map((c) => (
            <div key={c} className="flex items-start gap-3">
              <input id={`cond-${c}`} type="radio" name="condition" value={c} checked={condition === c} onChange={() => setCondition(c)} className="mt-1 h-5 w-5 shrink-0 accent-pat-blue" />
              <label htmlFor={`cond-${c}`}>{EMPLOYMENT_CONDITION_LABELS[c]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 font-semibold">Dichiarazioni</legend>
        <div className="space-y-2">
          <div className="flex items-start gap-3">
            <input id="returns" type="checkbox" checked={returns} onChange={(e) => setReturns(e.target.checked)} className="mt-1 h-5 w-5 shrink-0 accent-pat-blue" />
            <label htmlFor="returns">Dichiaro di rientrare al lavoro fuori casa</label>
          </div>
          {twoParentHousehold ? (
            <div className="flex items-start gap-3">
              <input id="partner" type="checkbox" checked={partner} onChange={(e) => setPartner(e.target.checked)} className="mt-1 h-5 w-5 shrink-0 accent-pat-blue" />
              <label htmlFor="partner">Dichiaro che anche l’altro genitore del nucleo familiare è occupato</label>
            </div>
          ) : (
            <p className="text-sm text-muted">Dalla domanda del buono risulta un nucleo con un solo genitore.</p>
          )}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={!hydrated || pending}>
        {pending ? 'Attendere…' : 'Conferma'}
      </button>
    </form>
  );
}
