'use server';
import { revalidatePath } from 'next/cache';
import { updateMeasureParameters } from '@/lib/services/office/admin/update-measure-parameters';
import { updateLocalFeasts } from '@/lib/services/office/admin/update-local-feasts';
import { localFeastsSchema, measureParametersSchema } from '@/lib/validation/admin';
import { actionInput } from '../action-input';
import { echoValues } from '../form-input';
import { guarded } from '../guarded';

/** «Anteprima» (nothing saved) or «Salva» of a measure's window, hourly caps and co-payment share. */
export async function updateMeasureParametersAction(prev: unknown, formData?: FormData) {
  const input = actionInput(prev, formData);
  const r = await guarded('office', measureParametersSchema, input, async (data, { db, actor }) => {
    const result = await updateMeasureParameters(db, actor, data);
    if (result.saved) revalidatePath('/', 'layout');
    return result;
  });
  // The preview keeps the typed values on the page too: the form shows them until «Salva».
  return r.ok && input.posted ? { ...r, values: input.posted } : echoValues(r, input.posted);
}

/** The local feast days (one "GG/MM nome" a line) that working-day terms skip. */
export async function updateLocalFeastsAction(prev: unknown, formData?: FormData) {
  const input = actionInput(prev, formData);
  const r = await guarded('office', localFeastsSchema, input, async (data, { db, actor }) => {
    const result = await updateLocalFeasts(db, actor, data);
    if (result.changed) revalidatePath('/ufficio/amministrazione/misure');
    return result;
  });
  return echoValues(r, input.posted);
}
