'use server';
import { revalidatePath } from 'next/cache';
import { adoptIdentityContact } from '@/lib/services/family/adopt-identity-contact';
import { adoptIdentityContactSchema } from '@/lib/validation/identity-contact';
import { actionInput } from '../action-input';
import { echoValues, type FormState } from '../form-input';
import { guarded } from '../guarded';

export type AdoptIdentityContactState = FormState<{ changed: boolean }>;

/** «Usa questo indirizzo per le comunicazioni» on the family's profile: a `<form action>`, works without JavaScript. */
export async function adoptIdentityContactAction(
  prevOrInput: unknown,
  formData?: FormData,
): Promise<NonNullable<AdoptIdentityContactState>> {
  const input = actionInput(prevOrInput, formData);
  const r = await guarded('family', adoptIdentityContactSchema, input, async (data, { db, actor }) => {
    const out = await adoptIdentityContact(db, actor, data);
    revalidatePath('/famiglia/profilo');
    return out;
  });
  return echoValues(r, input.posted);
}
