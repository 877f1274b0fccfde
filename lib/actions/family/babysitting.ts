'use server';
import { revalidatePath } from 'next/cache';
import { declareEmployment } from '@/lib/services/declare-employment';
import { deleteNewPes } from '@/lib/services/delete-new-pes';
import { requestValidation } from '@/lib/services/request-validation';
import { saveBabysittingPes } from '@/lib/services/save-babysitting-pes';
import { declareEmploymentSchema, saveBabysittingPesSchema, voucherOnlySchema, voucherPesSchema } from '@/lib/validation/babysitting';
import { guarded } from '../guarded';

const refresh = (voucherId: string) => revalidatePath(`/famiglia/buoni/${voucherId}`, 'layout');

/** Condizione di occupazione dialog (guide §3.2). */
export async function declareEmploymentAction(input: unknown) {
  return guarded('family', declareEmploymentSchema, input, async (data, { db, actor }) => {
    const r = await declareEmployment(db, actor, data);
    if ('recorded' in r) refresh(data.voucherId);
    return r;
  });
}

export async function saveBabysittingPesAction(input: unknown) {
  return guarded('family', saveBabysittingPesSchema, input, async (data, { db, actor }) => {
    const r = await saveBabysittingPes(db, actor, data);
    refresh(data.voucherId);
    return r;
  });
}

export async function deleteNewPesAction(input: unknown) {
  return guarded('family', voucherPesSchema, input, async (data, { db, actor }) => {
    const r = await deleteNewPes(db, actor, data);
    refresh(data.voucherId);
    return r;
  });
}

/** RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE. */
export async function requestValidationAction(input: unknown) {
  return guarded('family', voucherOnlySchema, input, async (data, { db, actor, baseUrl }) => {
    const r = await requestValidation(db, actor, data, { baseUrl });
    refresh(data.voucherId);
    return r;
  });
}
