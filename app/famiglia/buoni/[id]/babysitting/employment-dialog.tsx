'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { declareEmploymentAction, type DeclareEmploymentState } from '@/lib/actions/family/babysitting';
import { echoed } from '@/lib/actions/form-input';
import { EMPLOYMENT_CONDITIONS } from '@/lib/domain/eligibility';
import { italian } from '@/lib/i18n/italian';

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
  const t = useTranslations('EmploymentDialog');
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
          {t('employerTitle')}
        </h2>
        <input type="hidden" name="voucherId" value={voucherId} />
        <input type="hidden" name="condition" value={condition} />
        {returns ? <input type="hidden" name="returnsToWorkOutsideHome" value="on" /> : null}
        {partner ? <input type="hidden" name="otherParentEmployed" value="on" /> : null}
        <input type="hidden" name="employerConfirmed" value="on" />
        <p>{t('employerIntro')}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="font-semibold">{t('employer')}</dt>
          <dd>{employer.name}</dd>
          <dt className="font-semibold">{t('taxCode')}</dt>
          <dd>{employer.taxCode}</dd>
          <dt className="font-semibold">{t('address')}</dt>
          <dd>{employer.address}</dd>
          <dt className="font-semibold">{t('sector')}</dt>
          <dd>{employer.sector}</dd>
        </dl>
        <p className="text-sm">{t.rich('employerWrong', { it: italian })}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <button type="submit" className="btn-primary" disabled={pending}>
            {pending ? t('wait') : t('confirmEmployer')}
          </button>
          <a
            href={`/famiglia/buoni/${voucherId}/babysitting?condizione=1`}
            className="btn-secondary text-center"
            onClick={(e) => {
              e.preventDefault();
              setBack(state);
            }}
          >
            {t('back')}
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
        {t('title')}
      </h2>
      <input type="hidden" name="voucherId" value={voucherId} />
      {outcome && !outcome.eligible ? (
        <Alert outcome kind="error" title={t('notEligibleTitle')}>
          <ul className="list-disc pl-5">
            {outcome.reasons.map((r) => (
              <li key={r}>{t(`reason.${r}`)}</li>
            ))}
          </ul>
          <p className="mt-2">
            {t.rich('summerStill', {
              link: (c) => (
                <Link href={`/famiglia/buoni/${voucherId}/estivi`} className="link">
                  {c}
                </Link>
              ),
            })}
          </p>
        </Alert>
      ) : null}
      {error ? (
        <Alert outcome kind="error" title={t('notRecordedTitle')}>
          {error}
        </Alert>
      ) : null}
      <fieldset>
        <legend className="mb-2 font-semibold">{t('conditionLegend')}</legend>
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
              <label htmlFor={`cond-${c}`}>{t(`condition.${c}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 font-semibold">{t('declarations')}</legend>
        <div className="space-y-2">
          <div className="flex items-start gap-3">
            <input
              id="returns"
              type="checkbox"
              name="returnsToWorkOutsideHome"
              defaultChecked={returns}
              className="mt-1 h-5 w-5 shrink-0 accent-pat-blue"
            />
            <label htmlFor="returns">{t('returns')}</label>
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
              <label htmlFor="partner">{t('partner')}</label>
            </div>
          ) : (
            <p className="text-sm text-muted">{t('singleParent')}</p>
          )}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t('wait') : t('confirm')}
      </button>
    </form>
  );
}
