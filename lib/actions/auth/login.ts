'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { MFA_LOCKED_MESSAGE } from '@/lib/auth/totp/mfa-lock';
import { loginSchema } from '@/lib/validation/auth';
import { readInput } from '../action-input';

export type LoginState = { message?: string; codiceFiscale?: string; step?: 'totp' };

const GENERIC =
  'Codice fiscale o password non corretti. Controlla i dati e riprova, oppure usa «Ho smarrito la password».';
const THROTTLED =
  'Troppi tentativi non riusciti. Per sicurezza l’accesso è sospeso per qualche minuto: riprova più tardi o usa «Ho smarrito la password».';
const TOTP_WRONG =
  'Il codice non è corretto o è già stato usato. Inserisci il codice a 6 cifre che l’app mostra adesso (ne compare uno nuovo ogni 30 secondi), oppure un codice di recupero.';
const USE_SPID =
  'Le famiglie accedono con SPID o con la Carta d’identità elettronica: usa «Entra con SPID» o «Entra con CIE» in questa pagina. La password non è più utilizzabile.';
const TOTP_MISSING = 'Inserisci il codice a 6 cifre dell’app di autenticazione.';

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  // Public, so no guard: still only the declared fields, read into objects without a prototype (X1).
  const read = readInput(loginSchema, formData);
  if (!read.ok) return { message: read.message };
  const fields = read.value as { codiceFiscale?: unknown; totp?: unknown };
  const parsed = loginSchema.safeParse(fields);
  if (!parsed.success) {
    const typed = typeof fields.codiceFiscale === 'string' ? fields.codiceFiscale : undefined;
    return {
      message: 'Inserisci codice fiscale e password.',
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
      return { message: THROTTLED, codiceFiscale, ...(totp !== undefined ? { step: 'totp' as const } : {}) };
    if (e instanceof CredentialsSignin && e.code === 'use_spid') return { message: USE_SPID, codiceFiscale };
    // The password was right: the same form asks for the second factor, keeping the typed credentials.
    if (e instanceof CredentialsSignin && e.code === 'totp_required')
      return { step: 'totp', codiceFiscale, ...(totp !== undefined ? { message: TOTP_MISSING } : {}) };
    if (e instanceof CredentialsSignin && e.code === 'totp_invalid')
      return { step: 'totp', codiceFiscale, message: TOTP_WRONG };
    if (e instanceof CredentialsSignin && e.code === 'totp_locked')
      return { message: MFA_LOCKED_MESSAGE, codiceFiscale };
    if (e instanceof AuthError) return { message: GENERIC, codiceFiscale };
    throw e; // the redirect after success
  }
}
