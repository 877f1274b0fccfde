'use client';
import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { declareEmploymentAction, type DeclareEmploymentState } from '@/lib/actions/family/babysitting';
import { echoed } from '@/lib/actions/form-input';
import {
  ELIGIBILITY_REASON_MESSAGES,
  EMPLOYMENT_CONDITION_LABELS,
  EMPLOYMENT_CONDITIONS,
} from '@/lib/domain/eligibility';

type Employer = { name: string; taxCode: string; address: string; sector: string };

/**
 * "Condizione di occupazione" window of guide §3.2. Both steps (Conferma, then Confermo i dati del datore di
 * lavoro when the condition needs it) are `<form action>` posts, so they work without JavaScript: the answers
 * travel back in the state and, for the second step, in hidden fields.
 */
export function EmploymentDialog({
  voucherId,
  twoParentHousehold,
  employer,
}: {
  voucherId: string;
  twoParentHousehold: boolean;
  employer: Employer;
}) {
  const [state, formAction, pending] = useActionState<DeclareEmploymentState, FormData>(declareEmploymentAction, null);
  // Indietro from the employer step, once hydrated (without JavaScript it is a link back to the first step).
  const [back, setBack] = useState<DeclareEmploymentState>(null);
  const posted = state?.values;
  const condition = echoed(posted, 'condition');
  const returns = echoed(posted, 'returnsToWorkOutsideHome') === 'on';
  const partner = echoed(posted, 'otherParentEmployed') === 'on';
  const outcome = state?.ok ? state.data : null;
  const error = state && !state.ok ? (state.fieldErrors?.condition ?? state.message) : null;

  if (outcome && 'needsEmployerConfirmation' in outcome && state !== back) {
    return (
      <form
        action={formAction}
        onSubmit={() => expectOutcomeFocus()}
        aria-labelledby="datore"
        className="card space-y-3"
      >
        <h2 id="datore" className="text-xl font-bold" tabIndex={-1} ref={(el) => el?.focus()}>
          Conferma i dati del datore di lavoro
        </h2>
        <input type="hidden" name="voucherId" value={voucherId} />
        <input type="hidden" name="condition" value={condition} />
        {returns ? <input type="hidden" name="returnsToWorkOutsideHome" value="on" /> : null}
        {partner ? <input type="hidden" name="otherParentEmployed" value="on" /> : null}
        <input type="hidden" name="employerConfirmed" value="on" />
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
          Se i dati non sono corretti non confermare: contatta la Struttura Multifunzionale Territoriale Ad Personam,
          che li correggerà nella domanda del buono.
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? 'Attendere…' : 'Confermo i dati del datore di lavoro'}
          </button>
          <a
            href={`/famiglia/buoni/${voucherId}/babysitting?condizione=1`}
            className="btn-secondary text-center"
            onClick={(e) => {
              e.preventDefault();
              setBack(state);
            }}
          >
            Indietro
          </a>
        </div>
      </form>
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={() => expectOutcomeFocus()}
      className="card space-y-4"
      aria-labelledby="condizione"
      noValidate
    >
      <h2 id="condizione" className="text-xl font-bold">
        Condizione di occupazione
      </h2>
      <input type="hidden" name="voucherId" value={voucherId} />
      {outcome && !outcome.eligible ? (
        <Alert outcome kind="error" title="Il babysitting domiciliare non è disponibile per la condizione dichiarata">
          <ul className="list-disc pl-5">
            {outcome.reasons.map((r) => (
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
      {error ? (
        <Alert outcome kind="error" title="Dichiarazione non registrata">
          {error}
        </Alert>
      ) : null}
      <fieldset>
        <legend className="mb-2 font-semibold">Seleziona la tua condizione di occupazione</legend>
        <div className="space-y-2">
          {EMPLOYMENT_CONDITIONS.map((c) => (
            <div key={c} className="flex items-start gap-3">
              <input
                id={`cond-${c}`}
                type="radio"
                name="condition"
                value={c}
                defaultChecked={condition === c}
                className="mt-1 h-5 w-5 shrink-0 accent-pat-blue"
              />
              <label htmlFor={`cond-${c}`}>{EMPLOYMENT_CONDITION_LABELS[c]}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 font-semibold">Dichiarazioni</legend>
        <div className="space-y-2">
          <div className="flex items-start gap-3">
            <input
              id="returns"
              type="checkbox"
              name="returnsToWorkOutsideHome"
              defaultChecked={returns}
              className="mt-1 h-5 w-5 shrink-0 accent-pat-blue"
            />
            <label htmlFor="returns">Dichiaro di rientrare al lavoro fuori casa</label>
          </div>
          {twoParentHousehold ? (
            <div className="flex items-start gap-3">
              <input
                id="partner"
                type="checkbox"
                name="otherParentEmployed"
                defaultChecked={partner}
                className="mt-1 h-5 w-5 shrink-0 accent-pat-blue"
              />
              <label htmlFor="partner">Dichiaro che anche l’altro genitore del nucleo familiare è occupato</label>
            </div>
          ) : (
            <p className="text-sm text-muted">Dalla domanda del buono risulta un nucleo con un solo genitore.</p>
          )}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Attendere…' : 'Conferma'}
      </button>
    </form>
  );
}
