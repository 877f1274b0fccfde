'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { clientIp } from '@/lib/auth/client-ip';
import { requestLocale } from '@/lib/i18n/request-locale';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { requestPasswordReset } from '@/lib/services/account/request-password-reset';
import { passwordResetRequestSchema } from '@/lib/validation/auth';
import { baseUrl } from '../base-url';
import { readInput } from '../action-input';
import { fieldErrorsOf } from '../field-errors-of';
import type { FormValues } from '../form-input';
import { toPlain } from '../to-plain';
import { passwordResetErrors } from './password-reset-errors';

/** `values`: what was typed, so the form (also rendered without JavaScript) shows it again after a refusal. */
export type ResetRequestState = {
  done?: boolean;
  fieldErrors?: Record<string, string>;
  message?: string;
  values?: FormValues;
};

export async function requestPasswordResetAction(
  _prev: ResetRequestState,
  formData: FormData,
): Promise<ResetRequestState> {
  // Public, so no guard: still only the declared fields, read into objects without a prototype (X1).
  const read = readInput(passwordResetRequestSchema, formData);
  if (!read.ok) return { message: read.message };
  const errors = passwordResetErrors(await requestLocale());
  const parsed = passwordResetRequestSchema.safeParse(read.value);
  if (!parsed.success) return { fieldErrors: errors.fields(fieldErrorsOf(parsed.error.issues)), values: read.posted };
  const h = await headers();
  try {
    await requestPasswordReset(await getDb(), { ...toPlain(parsed.data), ip: clientIp(h) }, { baseUrl: baseUrl() });
  } catch {
    return { message: errors.say('unavailable'), values: read.posted };
  }
  kickDispatcher();
  // Identical answer whether or not the data matched an account (A4).
  return { done: true };
}
