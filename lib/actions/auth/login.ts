'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { requestLocale } from '@/lib/i18n/request-locale';
import { plainText, translatorFor } from '@/lib/i18n/translator';
import { loginSchema } from '@/lib/validation/auth';
import { readInput } from '../action-input';

export type LoginState = { message?: string; codiceFiscale?: string; step?: 'totp' };

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  // Public, so no guard: still only the declared fields, read into objects without a prototype (X1).
  const read = readInput(loginSchema, formData);
  if (!read.ok) return { message: read.message };
  // The reader's language (the visitor's cookie or browser; staff sign in here too, and read the same page).
  const t = translatorFor(await requestLocale(), 'Login');
  const say = (key: Parameters<typeof t.markup>[0]) => t.markup(key, plainText);
  const fields = read.value as { codiceFiscale?: unknown; totp?: unknown };
  const parsed = loginSchema.safeParse(fields);
  if (!parsed.success) {
    const typed = typeof fields.codiceFiscale === 'string' ? fields.codiceFiscale : undefined;
    return {
      message: say('errors.missing'),
      ...(fields.totp !== undefined ? { step: 'totp' as const, codiceFiscale: typed } : {}),
    };
  }
  const { codiceFiscale, password, totp } = parsed.data;
  try {
    // Auth.js authorize() does the throttling and the checks, so a direct POST to its endpoint gets them too.
    await signIn('credentials', { codiceFiscale, password, ...(totp ? { totp } : {}), redirectTo: '/area' });
    return {};
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === 'throttled')
      return {
        message: say('errors.throttled'),
        codiceFiscale,
        ...(totp !== undefined ? { step: 'totp' as const } : {}),
      };
    if (e instanceof CredentialsSignin && e.code === 'use_spid')
      return { message: say('errors.useSpid'), codiceFiscale };
    // The password was right: the same form asks for the second factor, keeping the typed credentials.
    if (e instanceof CredentialsSignin && e.code === 'totp_required')
      return { step: 'totp', codiceFiscale, ...(totp !== undefined ? { message: say('errors.totpMissing') } : {}) };
    if (e instanceof CredentialsSignin && e.code === 'totp_invalid')
      return { step: 'totp', codiceFiscale, message: say('errors.totpWrong') };
    if (e instanceof CredentialsSignin && e.code === 'totp_locked')
      return { message: say('errors.totpLocked'), codiceFiscale };
    if (e instanceof AuthError) return { message: say('errors.generic'), codiceFiscale };
    throw e; // the redirect after success
  }
}
