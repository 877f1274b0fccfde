'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Alert } from '@/app/_components/alert';
import { oidcSignInAction, type OidcSignInState } from '@/lib/actions/auth/oidc-sign-in';

// AgID's «Entra con SPID» button: blue #0066CC, white text (contrast 5.6:1), a visible focus ring.
const AGID_BUTTON =
  'inline-flex w-full items-center justify-center rounded bg-[#0066CC] px-4 py-3 text-lg font-semibold text-white hover:bg-[#004d99] focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-[#004d99]';

/** Plain forms posting to a server action: they work before (or without) JavaScript. */
export function OidcButtons() {
  const t = useTranslations('Login');
  const [state, action] = useActionState<OidcSignInState, FormData>(oidcSignInAction, {});
  return (
    <div className="space-y-3">
      {state.message ? (
        <Alert kind="error" title={t('oidcNotStarted')}>
          {state.message}
        </Alert>
      ) : null}
      <form action={action}>
        <input type="hidden" name="idp" value="spid" />
        <button type="submit" className={AGID_BUTTON}>
          {t('spid')}
        </button>
      </form>
      <form action={action}>
        <input type="hidden" name="idp" value="cie" />
        <button type="submit" className={AGID_BUTTON}>
          {t('cie')}
        </button>
      </form>
    </div>
  );
}
