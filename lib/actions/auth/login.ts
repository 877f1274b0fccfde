'use server';
import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth/auth';
import { loginSchema } from '@/lib/validation/auth';
import { formFields } from '../form-fields';

export type LoginState = { message?: string; codiceFiscale?: string };

const GENERIC = 'Codice fiscale o password non corretti. Controlla i dati e riprova, oppure usa «Ho smarrito la password».';
const THROTTLED = 'Troppi tentativi non riusciti. Per sicurezza l’accesso è sospeso per qualche minuto: riprova più tardi o usa «Ho smarrito la password».';

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = loginSchema.safeParse(formFields(formData));
  if (!parsed.success) return { message: 'Inserisci codice fiscale e password.' };
  try {
    // Auth.js authorize() does the throttling and the checks, so a direct POST to its endpoint gets them too.
    await signIn('credentials', { ...parsed.data, redirectTo: '/area' });
    return {};
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === 'throttled') return { message: THROTTLED, codiceFiscale: parsed.data.codiceFiscale };
    if (e instanceof AuthError) return { message: GENERIC, codiceFiscale: parsed.data.codiceFiscale };
    throw e; // the redirect after success
  }
}
