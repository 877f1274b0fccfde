'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { AppError } from '@/lib/app-error';
import { confirmTotpEnrolment } from '@/lib/services/account/confirm-totp-enrolment';
import { regenerateRecoveryCodes } from '@/lib/services/account/regenerate-recovery-codes';
import { startTotpEnrolment } from '@/lib/services/account/start-totp-enrolment';
import { actionInput } from '../action-input';
import { staffGuarded } from './staff-guarded';

const startSchema = z.object({}).strict();
const confirmSchema = z
  .object({ code: z.string().trim().min(1, 'Inserisci il codice a 6 cifre mostrato dall’app.').max(20) })
  .strict();

/** «Attiva la verifica in due passaggi»: the page then shows the new secret as a QR code and as text. */
export async function startTotpEnrolmentAction(prev: unknown, formData?: FormData) {
  return staffGuarded(startSchema, actionInput(prev, formData), async (_data, { db, staff }) => {
    await startTotpEnrolment(db, staff);
    revalidatePath('/profilo/sicurezza');
    return { started: true };
  });
}

/** The first code confirms the app; the answer carries the recovery codes, shown this once. */
export async function confirmTotpEnrolmentAction(prev: unknown, formData?: FormData) {
  return staffGuarded(confirmSchema, actionInput(prev, formData), async (data, { db, staff }) =>
    confirmTotpEnrolment(db, staff, data.code),
  );
}

/** «Genera nuovi codici di recupero»: the old ones stop working; needs the current code of the app. */
export async function regenerateRecoveryCodesAction(prev: unknown, formData?: FormData) {
  return staffGuarded(confirmSchema, actionInput(prev, formData), async (data, { db, staff }) => {
    if (staff.pending) throw new AppError('forbidden');
    return regenerateRecoveryCodes(db, staff, data.code);
  });
}
