'use server';
import { revalidatePath } from 'next/cache';
import { decideValidation } from '@/lib/services/provider/decide-validation';
import { validationDecisionSchema } from '@/lib/validation/babysitting';
import { actionInput } from '../action-input';
import { echoValues, type FormState } from '../form-input';
import { guarded } from '../guarded';

export type DecideValidationState = FormState<Awaited<ReturnType<typeof decideValidation>>>;

/**
 * Valida / Rifiuta a new PES naming the provider: a `<form action>` (previous state, FormData), so it works
 * without JavaScript; called directly with `{ pesId, decision, reason? }` too.
 */
export async function decideValidationAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<NonNullable<DecideValidationState>> {
  const input = actionInput(prevOrInput, formData);
  const r = await guarded('provider', validationDecisionSchema, input, async (data, { db, actor, baseUrl }) => {
    const out = await decideValidation(db, actor, data, { baseUrl });
    revalidatePath('/erogatore', 'layout');
    return out;
  });
  return echoValues(r, input.posted);
}
