'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getSigningStatus, type SigningStatus } from '@/db/queries/signing-status';
import type { ActionResult } from '@/lib/app-error';
import { currentActor } from '@/lib/auth/current-actor';
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
  return { ...r, status: await statusFor(input.value) };
}
