'use server';
import { revalidatePath } from 'next/cache';
import { decideValidation } from '@/lib/services/decide-validation';
import { validationDecisionSchema } from '@/lib/validation/babysitting';
import { guarded } from '../guarded';

/** Valida / Rifiuta a new PES naming the provider. */
export async function decideValidationAction(input: unknown) {
  return guarded('provider', validationDecisionSchema, input, async (data, { db, actor, baseUrl }) => {
    const r = await decideValidation(db, actor, data, { baseUrl });
    revalidatePath('/erogatore', 'layout');
    return r;
  });
}
