'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { loginAction, type LoginState } from '@/lib/actions/auth/login';
import { italian } from '@/lib/i18n/italian';

const bold = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export function LoginForm() {
  const t = useTranslations('Login');
  const [state, action] = useActionState<LoginState, FormData>(loginAction, {});
  // Kept in memory only, so the second step (staff code) does not ask for the password again.
  const [password, setPassword] = useState('');
  const secondStep = state.step === 'totp';
  const passwordField = (
    <TextField
      id="password"
      name="password"
      type="password"
      label={t('password')}
      autoComplete="current-password"
      required
      maxLength={256}
    />
  );
  return (
    <form
      action={action}
      noValidate
      onSubmit={(e) => {
        const typed = new FormData(e.currentTarget).get('password');
        if (typeof typed === 'string') setPassword(typed);
      }}
    >
      {state.message ? (
        <Alert kind="error" title={secondStep ? t('codeRefusedTitle') : t('failedTitle')}>
          {state.message}
        </Alert>
      ) : null}
      {secondStep ? (
        <>
          <p className="mb-4">{t.rich('secondStep', { b: bold, codiceFiscale: state.codiceFiscale ?? '' })}</p>
          <input type="hidden" name="codiceFiscale" value={state.codiceFiscale ?? ''} />
          {password ? <input type="hidden" name="password" value={password} /> : passwordField}
          <TextField
            id="totp"
            name="totp"
            label={t('totp')}
            hint={t('totpHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            required
            autoFocus
            maxLength={64}
          />
          <SubmitButton pendingLabel={t('pending')}>{t('verify')}</SubmitButton>
          <p className="mt-4">
            {/* A full page load, so the form forgets the typed credentials. */}
            <a href="/login" className="link">
              {t('restart')}
            </a>
          </p>
        </>
      ) : (
        <>
          <TextField
            id="codiceFiscale"
            name="codiceFiscale"
            label={t.rich('codiceFiscale', { it: italian })}
            autoComplete="username"
            autoCapitalize="characters"
            spellCheck={false}
            required
            defaultValue={state.codiceFiscale}
            maxLength={32}
          />
          {passwordField}
          <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
        </>
      )}
    </form>
  );
}
