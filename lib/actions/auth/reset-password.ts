'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { AppError } from '@/lib/app-error';
import { clientIp } from '@/lib/auth/client-ip';
import { kickDispatcher } from '@/lib/notifications/kick-dispatcher';
import { resetPassword } from '@/lib/services/account/reset-password';
import { newPasswordSchema } from '@/lib/validation/auth';
import { readInput } from '../action-input';
import { fieldErrorsOf } from '../field-errors-of';

export type ResetPasswordState = { done?: boolean; fieldErrors?: Record<string, string>; message?: string };

export async function resetPasswordAction(_prev: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  // Public, so no guard: still only the declared fields, read into objects without a prototype (X1).
  const read = readInput(newPasswordSchema, formData);
  if (!read.ok) return { message: read.message };
  const parsed = newPasswordSchema.safeParse(read.value);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    await resetPassword(await getDb(), {
      token: parsed.data.token,
      password: parsed.data.password,
      ip: clientIp(await headers()),
    });
  } catch (e) {
    if (e instanceof AppError) return { message: e.message, fieldErrors: e.fieldErrors };
    return { message: 'Il servizio non è momentaneamente disponibile. Riprova tra qualche minuto.' };
  }
  kickDispatcher();
  return { done: true };
}
