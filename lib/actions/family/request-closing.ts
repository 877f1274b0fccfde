'use server';
import { revalidatePath } from 'next/cache';
import { requestClosing } from '@/lib/services/family/request-closing';
import { requestClosingSchema } from '@/lib/validation/closing';
import { actionInput } from '../action-input';
import { echoValues, type FormState } from '../form-input';
import { guarded } from '../guarded';

export type RequestClosingState = FormState<Awaited<ReturnType<typeof requestClosing>>>;

/**
 * INVIA RICHIESTA DI CHIUSURA (guide §3.1). A `<form action>` (useActionState: previous state, FormData with
 * one `pesIds` per ticked box), so it works before hydration and without JavaScript; called directly with
 * `{ voucherId, pesIds }` too.
 */
export async function requestClosingAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<NonNullable<RequestClosingState>> {
  const input = actionInput(prevOrInput, formData);
  const r = await guarded('family', requestClosingSchema, input, async (data, { db, actor, baseUrl }) => {
    const out = await requestClosing(db, actor, data, { baseUrl });
    revalidatePath(`/famiglia/buoni/${data.voucherId}`);
    return out;
  });
  return echoValues(r, input.posted);
}
