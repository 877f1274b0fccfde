'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { italian } from '@/lib/i18n/italian';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import { requestSummerValidationAction, type ValidationRequestState } from '@/lib/actions/family/summer';

/** RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE for every draft summer PES; says which still lack their PDF. */
export function SummerValidationRequest({
  voucherId,
  drafts,
  missing,
}: {
  voucherId: string;
  drafts: number;
  missing: string[];
}) {
  const t = useTranslations('SummerPes');
  const [state, action, pending] = useActionState<ValidationRequestState, FormData>(
    requestSummerValidationAction,
    null,
  );
  return (
    <form action={action} onSubmit={expectOutcomeFocus} className="space-y-2">
      <input type="hidden" name="voucherId" value={voucherId} />
      {state ? (
        <Alert outcome kind={state.ok ? 'success' : 'error'} title={state.ok ? t('vrSent') : t('vrNotSent')}>
          {state.message}
        </Alert>
      ) : null}
      {missing.length ? (
        <p id="documenti-mancanti" className="font-semibold text-err">
          {t('vrMissing', { codes: missing.join(', ') })}
        </p>
      ) : null}
      {drafts > 0 ? (
        <button
          type="submit"
          className="btn-primary"
          disabled={pending || missing.length > 0}
          aria-describedby={missing.length ? 'documenti-mancanti' : undefined}
        >
          {pending ? t('vrSending') : t.rich('vrButton', { it: italian })}
        </button>
      ) : (
        <p>{t('vrNone')}</p>
      )}
    </form>
  );
}
