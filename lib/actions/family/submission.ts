'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getSigningStatus, type SigningStatus } from '@/db/queries/signing-status';
import type { ActionResult } from '@/lib/app-error';
import { currentActor } from '@/lib/auth/current-actor';
import { OTP_INPUT_MESSAGES } from '@/lib/domain/otp';
import { sayRefusal } from '@/lib/i18n/refusal';
import { requestLocale } from '@/lib/i18n/request-locale';
import { confirmSubmission } from '@/lib/services/family/confirm-submission';
import { sendOtp } from '@/lib/services/family/send-otp';
import { confirmSubmissionSchema, sendOtpSchema } from '@/lib/validation/submission';
import { idSchema } from '@/lib/validation/ids';
import { actionInput } from '../action-input';
import { guarded } from '../guarded';

/** Every answer carries the signing status as the server sees it now: the dialog never guesses. */
export type SigningResult<T> = ActionResult<T> & { status: SigningStatus | null };

/** `input`: what the guard read (undefined when it refused before reading). */
async function statusFor(input: Record<string, unknown> | undefined): Promise<SigningStatus | null> {
  const voucherId = idSchema.safeParse(input?.voucherId);
  const actor = await currentActor();
  if (!voucherId.success || actor?.role !== 'family') return null;
  return getSigningStatus(await getDb(), actor.userId, voucherId.data);
}

/** INVIA OTP / RICHIEDI NUOVO CODICE (guide §4). */
export async function sendOtpAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<SigningResult<{ maskedMobile: string; expiresAt: string }>> {
  const input = actionInput(prevOrInput, formData);
  const r = await guarded('family', sendOtpSchema, input, async (data, { db, actor }) => {
    const sent = await sendOtp(db, actor, data);
    revalidatePath(`/famiglia/buoni/${data.voucherId}`, 'layout');
    return { maskedMobile: sent.maskedMobile, expiresAt: sent.expiresAt.toISOString() };
  });
  return { ...r, status: await statusFor(input.value) };
}

/** The code field's own messages (OTP_INPUT_MESSAGES, in the schema) in the family's language. */
async function codeErrorsInReaderLanguage<T extends ActionResult<unknown>>(r: T): Promise<T> {
  const said = r.ok ? undefined : r.fieldErrors?.code;
  const reason = (Object.keys(OTP_INPUT_MESSAGES) as (keyof typeof OTP_INPUT_MESSAGES)[]).find(
    (k) => OTP_INPUT_MESSAGES[k] === said,
  );
  if (r.ok || !reason) return r;
  const code = sayRefusal(await requestLocale(), { key: `otpInput_${reason}` });
  return { ...r, fieldErrors: { ...r.fieldErrors, code } };
}

/** CONFERMA E INVIA: on success the family lands on the receipt (a page it can bookmark). */
export async function confirmSubmissionAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<SigningResult<{ protocolNumber: string }>> {
  const input = actionInput(prevOrInput, formData);
  const r = await guarded('family', confirmSubmissionSchema, input, async (data, { db, actor, baseUrl }) => {
    const done = await confirmSubmission(db, actor, data, { baseUrl, userAgent: (await headers()).get('user-agent') });
    revalidatePath(`/famiglia/buoni/${data.voucherId}`, 'layout');
    return { protocolNumber: done.protocolNumber, voucherId: data.voucherId };
  });
  if (r.ok) redirect(`/famiglia/buoni/${r.data.voucherId}/ricevuta`);
  return { ...(await codeErrorsInReaderLanguage(r)), status: await statusFor(input.value) };
}
