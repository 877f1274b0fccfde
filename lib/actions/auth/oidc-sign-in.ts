'use server';
import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { signIn } from '@/lib/auth/auth';
import { clientIp } from '@/lib/auth/client-ip';
import { OIDC_PROVIDER_ID } from '@/lib/auth/oidc-provider';
import { oidcRefusalPath } from '@/lib/auth/oidc-refusal-path';
import { auditOidcRefusal } from '@/lib/auth/oidc-sign-in';
import { oidcSettings } from '@/lib/config/runtime-config';
import { readInput } from '../action-input';

export type OidcSignInState = { message?: string };

/** Auth.js's own error page (pages.error: /login?error=…), where it sends a sign-in it could not start. */
function isAuthErrorPage(url: string): boolean {
  const u = new URL(url, 'http://app.invalid');
  return u.pathname === '/login' && u.searchParams.has('error');
}

const startSchema = z.object({ idp: z.enum(['spid', 'cie']) }).strict();

/**
 * «Entra con SPID» / «Entra con CIE»: sends the browser to the identity gateway (a plain form, so it works
 * without JavaScript), naming the identity provider when the gateway takes a hint (OIDC_IDP_HINT_PARAM).
 */
export async function oidcSignInAction(_prev: OidcSignInState, formData: FormData): Promise<OidcSignInState> {
  // Public, so no guard: still only the declared fields, read into objects without a prototype (X1).
  const read = readInput(startSchema, formData);
  if (!read.ok) return { message: read.message };
  const parsed = startSchema.safeParse(read.value);
  if (!parsed.success) return { message: 'Scegli «Entra con SPID» oppure «Entra con CIE».' };
  const settings = oidcSettings();
  if (!settings) return { message: 'L’accesso con SPID o CIE non è attivo. Usa il modulo di accesso qui sotto.' };
  let target: string | null = null;
  try {
    target = await signIn(
      OIDC_PROVIDER_ID,
      { redirectTo: '/famiglia', redirect: false },
      settings.idpHintParam ? { [settings.idpHintParam]: parsed.data.idp } : {},
    );
  } catch (e) {
    unstable_rethrow(e);
  }
  // Discovery failed (Auth.js answers with its error page, or throws): the gateway cannot be reached. The page says
  // so; the staff form still works.
  if (!target || isAuthErrorPage(target)) {
    await auditOidcRefusal(await getDb(), 'gateway_unreachable', clientIp(await headers())).catch(() => undefined);
    redirect(oidcRefusalPath('gateway_unreachable'));
  }
  redirect(target);
}
