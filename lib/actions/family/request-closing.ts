'use server';
import { revalidatePath } from 'next/cache';
import { requestClosing } from '@/lib/services/request-closing';
import { requestClosingSchema } from '@/lib/validation/closing';
import { guarded } from '../guarded';

/** INVIA RICHIESTA DI CHIUSURA (guide §3.1). */
export async function requestClosingAction(input: unknown) {
  return guarded('family', requestClosingSchema, input, async (data, { db, actor, baseUrl }) => {
    const r = await requestClosing(db, actor, data, { baseUrl });
    revalidatePath(`/famiglia/buoni/${data.voucherId}`);
    return r;
  });
}
