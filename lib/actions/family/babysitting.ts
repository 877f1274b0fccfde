'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { localizeFailure } from '@/lib/i18n/localize-failure';
import { requestLocale } from '@/lib/i18n/request-locale';
import { declareEmployment } from '@/lib/services/family/declare-employment';
import { deleteNewPes } from '@/lib/services/family/delete-new-pes';
import { requestValidation } from '@/lib/services/family/request-validation';
import { previewBabysittingPes, saveBabysittingPes } from '@/lib/services/family/save-babysitting-pes';
import {
  declareEmploymentSchema,
  saveBabysittingPesSchema,
  voucherOnlySchema,
  voucherPesSchema,
} from '@/lib/validation/babysitting';
import { actionInput } from '../action-input';
import { echoValues, type FormState } from '../form-input';
import { guarded } from '../guarded';

const refresh = (voucherId: string) => revalidatePath(`/famiglia/buoni/${voucherId}`, 'layout');

export type DeclareEmploymentState = FormState<Awaited<ReturnType<typeof declareEmployment>>>;

/**
 * Condizione di occupazione dialog (guide §3.2): a `<form action>` (previous state, FormData with ticked
 * checkboxes as "on"), so it works without JavaScript; once recorded, the page moves on to the new-PES form.
 * Called directly with `{ voucherId, condition, … booleans }` too.
 */
export async function declareEmploymentAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<NonNullable<DeclareEmploymentState>> {
  const input = actionInput(prevOrInput, formData, {
    checkboxes: ['returnsToWorkOutsideHome', 'otherParentEmployed', 'employerConfirmed'],
  });
  let voucherId = '';
  const r = await guarded('family', declareEmploymentSchema, input, async (data, { db, actor }) => {
    voucherId = data.voucherId;
    const out = await declareEmployment(db, actor, data);
    if ('recorded' in out) refresh(data.voucherId);
    return out;
  });
  if (formData instanceof FormData && r.ok && 'recorded' in r.data)
    redirect(`/famiglia/buoni/${voucherId}/babysitting`);
  return r.ok && input.posted ? { ...r, values: input.posted } : echoValues(await inFamilyLanguage(r), input.posted);
}

export type BabysittingPesStep =
  | ({ step: 'preview' } & Awaited<ReturnType<typeof previewBabysittingPes>>)
  | ({ step: 'saved' } & Awaited<ReturnType<typeof saveBabysittingPes>>);
export type BabysittingPesState = FormState<BabysittingPesStep>;

/**
 * Salva il PES / Aggiorna (guide §3.2): a `<form action>` (previous state, FormData with one `childIds` per
 * ticked child), so it works without JavaScript: Aggiorna returns the amount, rate and residual as the server
 * computes them; a saved PES goes back to the voucher page. Called directly with an object it just saves.
 */
export async function saveBabysittingPesAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<NonNullable<BabysittingPesState>> {
  const input = actionInput(prevOrInput, formData);
  let voucherId = '';
  const r = await guarded(
    'family',
    saveBabysittingPesSchema,
    input,
    async ({ intent = 'save', ...data }, { db, actor }): Promise<BabysittingPesStep> => {
      voucherId = data.voucherId;
      const locale = await requestLocale();
      if (intent === 'preview')
        return { step: 'preview', ...(await previewBabysittingPes(db, actor, data, undefined, locale)) };
      const out = await saveBabysittingPes(db, actor, data, undefined, locale);
      refresh(data.voucherId);
      return { step: 'saved', ...out };
    },
  );
  if (formData instanceof FormData && r.ok && r.data.step === 'saved')
    redirect(`/famiglia/buoni/${voucherId}?salvato=${encodeURIComponent(r.data.code)}`);
  return r.ok && input.posted ? { ...r, values: input.posted } : echoValues(await inFamilyLanguage(r), input.posted);
}

export async function deleteNewPesAction(input: unknown) {
  const r = await guarded('family', voucherPesSchema, actionInput(input), async (data, { db, actor }) => {
    const out = await deleteNewPes(db, actor, data);
    refresh(data.voucherId);
    return out;
  });
  return inFamilyLanguage(r);
}

/** RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE. */
export async function requestValidationAction(input: unknown) {
  const r = await guarded('family', voucherOnlySchema, actionInput(input), async (data, { db, actor, baseUrl }) => {
    const out = await requestValidation(db, actor, data, { baseUrl, locale: await requestLocale() });
    refresh(data.voucherId);
    return out;
  });
  return inFamilyLanguage(r);
}

/** A refusal in the reader's language (staff and anonymous callers read Italian). */
async function inFamilyLanguage<R extends { ok: boolean }>(r: R): Promise<R> {
  return r.ok ? r : localizeFailure(r, await requestLocale());
}
