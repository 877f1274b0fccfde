'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { requestPasswordResetAction, type ResetRequestState } from '@/lib/actions/auth/request-password-reset';
import { echoed } from '@/lib/actions/form-input';
import { italian } from '@/lib/i18n/italian';

export function ResetRequestForm() {
  const t = useTranslations('PasswordReset');
  const [state, action] = useActionState<ResetRequestState, FormData>(requestPasswordResetAction, {});
  if (state.done) {
    return (
      <Alert kind="success" title={t('receivedTitle')}>
        <p>{t('receivedText')}</p>
        <p className="mt-2">
          <Link href="/login" className="link">
            {t('backToLogin')}
          </Link>
        </p>
      </Alert>
    );
  }
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.message ? (
        <Alert kind="error" title={t('notSentTitle')}>
          {state.message}
        </Alert>
      ) : null}
      {Object.keys(fe).length > 0 ? <Alert kind="error" title={t('checkFields')} /> : null}
      <TextField
        id="givenName"
        name="givenName"
        label={t('givenName')}
        autoComplete="given-name"
        required
        error={fe.givenName}
        defaultValue={echoed(state.values, 'givenName')}
        maxLength={100}
      />
      <TextField
        id="familyName"
        name="familyName"
        label={t('familyName')}
        autoComplete="family-name"
        required
        error={fe.familyName}
        defaultValue={echoed(state.values, 'familyName')}
        maxLength={100}
      />
      <TextField
        id="codiceFiscale"
        name="codiceFiscale"
        label={t.rich('codiceFiscale', { it: italian })}
        autoCapitalize="characters"
        spellCheck={false}
        required
        error={fe.codiceFiscale}
        defaultValue={echoed(state.values, 'codiceFiscale')}
        maxLength={32}
      />
      <SubmitButton pendingLabel={t('pending')}>
        {/* One flex item: the button is a flex box, which would set the Italian part apart in its accessible name. */}
        <span>{t.rich('submit', { it: italian })}</span>
      </SubmitButton>
    </form>
  );
}
