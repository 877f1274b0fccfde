'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { expectOutcomeFocus } from '@/app/_components/outcome-focus';
import {
  adoptIdentityContactAction,
  type AdoptIdentityContactState,
} from '@/lib/actions/family/adopt-identity-contact';

const TEXT = {
  email: { button: 'useEmail', done: 'emailDone', inUse: 'emailInUse' },
  mobile: { button: 'useMobile', done: 'mobileDone', inUse: 'mobileInUse' },
} as const;

/**
 * Makes the identity provider's e-mail or mobile the one for notifications and the OTP (a plain form). Stays
 * mounted once the value is in use, so the outcome of the press is still there to be read.
 */
export function ContactChoiceForm({
  field,
  value,
  inUse,
}: {
  field: 'email' | 'mobile';
  value: string;
  inUse: boolean;
}) {
  const t = useTranslations('Profile');
  const [state, action, pending] = useActionState<AdoptIdentityContactState, FormData>(
    adoptIdentityContactAction,
    null,
  );
  return (
    <form action={action} onSubmit={expectOutcomeFocus} className="space-y-2">
      <input type="hidden" name="field" value={field} />
      <input type="hidden" name="value" value={value} />
      {state && !state.ok ? (
        <Alert outcome kind="error" title={t('notUpdated')}>
          {state.message}
        </Alert>
      ) : null}
      {state?.ok ? <Alert outcome kind="success" title={t(TEXT[field].done)} /> : null}
      {inUse ? (
        <p>{t(TEXT[field].inUse)}</p>
      ) : (
        <button type="submit" className="btn-secondary" disabled={pending}>
          {t(TEXT[field].button)}
        </button>
      )}
    </form>
  );
}
