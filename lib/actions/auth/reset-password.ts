'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { AppError } from '@/lib/app-error';
import { clientIp } from '@/lib/auth/client-ip';
import { requestLocale } from '@/lib/i18n/request-locale';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { resetPassword } from '@/lib/services/account/reset-password';
import { newPasswordSchema } from '@/lib/validation/auth';
import { readInput } from '../action-input';
import { fieldErrorsOf } from '../field-errors-of';
import { passwordResetErrors } from './password-reset-errors';

export type ResetPasswordState = { done?: boolean; fieldErrors?: Record<string, string>; message?: string };

export async function resetPasswordAction(_prev: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  // Public, so no guard: still only the declared fields, read into objects without a prototype (X1).
  const read = readInput(newPasswordSchema, formData);
  if (!read.ok) return { message: read.message };
  const errors = passwordResetErrors(await requestLocale());
  const parsed = newPasswordSchema.safeParse(read.value);
  if (!parsed.success) return { fieldErrors: errors.fields(fieldErrorsOf(parsed.error.issues)) };
  try {
    await resetPassword(await getDb(), {
      token: parsed.data.token,
      password: parsed.data.password,
      ip: clientIp(await headers()),
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'token_invalid') return { message: errors.say('tokenInvalid') };
    if (e instanceof AppError && e.fieldErrors?.password) {
      const reasons = errors.policy(e.fieldErrors.password);
      return { message: reasons, fieldErrors: { password: reasons } };
    }
    if (e instanceof AppError) return { message: errors.say('invalid') };
    return { message: errors.say('unavailable') };
  }
  kickDispatcher();
  return { done: true };
}
