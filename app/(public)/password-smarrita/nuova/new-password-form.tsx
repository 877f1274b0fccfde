'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useSyncExternalStore } from 'react';
import { Alert } from '@/app/_components/alert';
import { SubmitButton } from '@/app/_components/submit-button';
import { TextField } from '@/app/_components/text-field';
import { resetPasswordAction, type ResetPasswordState } from '@/lib/actions/auth/reset-password';

const link = (chunks: React.ReactNode) => (
  <Link href="/password-smarrita" className="link">
    {chunks}
  </Link>
);

// The token travels in the URL fragment, which browsers never send to the server or in Referer.
function readToken(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function NewPasswordForm() {
  const t = useTranslations('PasswordReset');
  const token = useSyncExternalStore(
    (cb) => {
      window.addEventListener('hashchange', cb);
      return () => window.removeEventListener('hashchange', cb);
    },
    readToken,
    () => null,
  );
  const [state, action] = useActionState<ResetPasswordState, FormData>(resetPasswordAction, {});
  if (state.done) {
    return (
      <Alert kind="success" title={t('changedTitle')}>
        <p>{t('changedText')}</p>
        <p className="mt-2">
          <Link href="/login?password=1" className="link">
            {t('goToLogin')}
          </Link>
        </p>
      </Alert>
    );
  }
  // Without JavaScript (token === null: the server's HTML) the page cannot read the fragment: the form asks for it.
  if (token === '') {
    return (
      <Alert kind="error" title={t('incompleteTitle')}>
        {t.rich('incompleteText', { link })}
      </Alert>
    );
  }
  const fe = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate>
      {state.message ? (
        <Alert kind="error" title={t('notChangedTitle')}>
          {state.message}
        </Alert>
      ) : null}
      {token ? (
        <input type="hidden" name="token" value={token} />
      ) : (
        <noscript>
          <TextField
            id="token"
            name="token"
            label={t('token')}
            hint={t('tokenHint')}
            autoComplete="off"
            spellCheck={false}
            required
            error={fe.token}
            maxLength={200}
          />
        </noscript>
      )}
      <TextField
        id="password"
        name="password"
        type="password"
        label={t('newPassword')}
        autoComplete="new-password"
        required
        error={fe.password}
        maxLength={512}
      />
      <TextField
        id="confirm"
        name="confirm"
        type="password"
        label={t('confirm')}
        autoComplete="new-password"
        required
        error={fe.confirm}
        maxLength={512}
      />
      <SubmitButton pendingLabel={t('pending')}>{t('save')}</SubmitButton>
    </form>
  );
}
