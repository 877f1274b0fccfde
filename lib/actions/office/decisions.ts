'use server';
import { revalidatePath } from 'next/cache';
import { approveConversion } from '@/lib/services/office/approve-conversion';
import { rejectConversion } from '@/lib/services/office/reject-conversion';
import { returnConversion } from '@/lib/services/office/return-conversion';
import { unlockSignature } from '@/lib/services/office/unlock-signature';
import { conversionIdSchema, conversionReasonSchema } from '@/lib/validation/office-decisions';
import { actionInput } from '../action-input';
import { guarded } from '../guarded';

const refresh = (conversionId: string, voucherId: string) => {
  revalidatePath('/ufficio');
  revalidatePath(`/ufficio/pratiche/${conversionId}`);
  revalidatePath(`/famiglia/buoni/${voucherId}`);
};

/** Convalida (usable as a `<form action>` with useActionState, or called with `{ conversionId }`). */
export async function approveConversionAction(input: unknown, formData?: FormData) {
  return guarded('office', conversionIdSchema, actionInput(input, formData), async (data, { db, actor, baseUrl }) => {
    const r = await approveConversion(db, actor, data, { baseUrl });
    refresh(data.conversionId, r.voucherId);
    return r;
  });
}

/** Respingi, with a required reason. */
export async function rejectConversionAction(input: unknown, formData?: FormData) {
  return guarded(
    'office',
    conversionReasonSchema,
    actionInput(input, formData),
    async (data, { db, actor, baseUrl }) => {
      const r = await rejectConversion(db, actor, data, { baseUrl });
      refresh(data.conversionId, r.voucherId);
      return r;
    },
  );
}

/** Richiedi integrazione, with a required reason. */
export async function returnConversionAction(input: unknown, formData?: FormData) {
  return guarded(
    'office',
    conversionReasonSchema,
    actionInput(input, formData),
    async (data, { db, actor, baseUrl }) => {
      const r = await returnConversion(db, actor, data, { baseUrl });
      refresh(data.conversionId, r.voucherId);
      return r;
    },
  );
}

/** Sblocca la firma, with a reason for the audit trail. */
export async function unlockSignatureAction(input: unknown, formData?: FormData) {
  return guarded(
    'office',
    conversionReasonSchema,
    actionInput(input, formData),
    async (data, { db, actor, baseUrl }) => {
      const r = await unlockSignature(db, actor, data, { baseUrl });
      refresh(data.conversionId, r.voucherId);
      return r;
    },
  );
}
