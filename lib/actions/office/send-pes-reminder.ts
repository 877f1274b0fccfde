'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { sendPesReminder } from '@/lib/services/office/send-pes-reminder';
import { idSchema } from '@/lib/validation/ids';
import { actionInput } from '../action-input';
import { guarded } from '../guarded';

const pesReminderSchema = z.object({ pesId: idSchema }).strict();

/** «Invia sollecito» from the «In ritardo» view (a `<form action>` with useActionState, or `{ pesId }`). */
export async function sendPesReminderAction(input: unknown, formData?: FormData) {
  return guarded('office', pesReminderSchema, actionInput(input, formData), async (data, { db, actor, baseUrl }) => {
    const r = await sendPesReminder(db, actor, data, { baseUrl });
    revalidatePath('/ufficio/in-ritardo');
    revalidatePath(`/famiglia/buoni/${r.voucherId}`);
    return r;
  });
}
