'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { clientIp } from '@/lib/auth/client-ip';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { requestPasswordReset } from '@/lib/services/request-password-reset';
import { passwordResetRequestSchema } from '@/lib/validation/auth';
import { baseUrl } from '../base-url';
import { fieldErrorsOf, formFields } from '../form-fields';
import { postedValues, type FormValues } from '../form-input';

/** `values`: what was typed, so the form (also rendered without JavaScript) shows it again after a refusal. */
export type ResetRequestState = { done?: boolean; fieldErrors?: Record<string, string>; message?: string; values?: FormValues };

export async function requestPasswordResetAction(_prev: ResetRequestState, formData: FormData): Promise<ResetRequestState> {
  const parsed = passwordResetRequestSchema.safeParse(formFields(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values: postedValues(formData) };
  const h = await headers();
  try {
    await requestPasswordReset(await getDb(), { ...parsed.data, ip: clientIp(h) }, { baseUrl: baseUrl() });
  } catch {
    return { message: 'Il servizio non è momentaneamente disponibile. Riprova tra qualche minuto.', values: postedValues(formData) };
  }
  kickDispatcher();
  // Identical answer whether or not the data matched an account (A4).
  return { done: true };
}
