'use server';
import { revalidatePath } from 'next/cache';
import { closePes } from '@/lib/services/close-pes';
import { closePesSchema } from '@/lib/validation/closing';
import { guarded } from '../guarded';

export async function closePesAction(input: unknown) {
  return guarded('provider', closePesSchema, input, async (data, { db, actor, baseUrl }) => {
    const r = await closePes(db, actor, { pesId: data.pesId, usedCents: data.usedAmount, hoursUsed: data.hoursUsed }, { baseUrl });
    revalidatePath('/erogatore');
    return r;
  });
}
