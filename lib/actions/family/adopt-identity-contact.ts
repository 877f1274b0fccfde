'use server';
import { revalidatePath } from 'next/cache';
import type { ErrorCode } from '@/lib/app-error';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translatorFor } from '@/lib/i18n/translator';
import { adoptIdentityContact } from '@/lib/services/family/adopt-identity-contact';
import { adoptIdentityContactSchema } from '@/lib/validation/identity-contact';
import { actionInput } from '../action-input';
import { echoValues, type FormState } from '../form-input';
import { guarded } from '../guarded';

export type AdoptIdentityContactState = FormState<{ changed: boolean }>;

const SAID: Partial<Record<ErrorCode, 'conflict' | 'unauthenticated' | 'unavailable'>> = {
  conflict: 'conflict',
  unauthenticated: 'unauthenticated',
  unavailable: 'unavailable',
};

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
  if (r.ok) return r;
  // The refusal in the family's language; the page offers nothing else to correct, so one message says it all.
  const t = translatorFor(await requestLocale().catch(() => 'it' as const), 'Profile');
  const field = input.value?.field === 'mobile' ? 'mobile' : 'email';
  const key = r.code === 'invalid_state' ? (`${field}Changed` as const) : (SAID[r.code] ?? 'other');
  return echoValues({ ...r, message: t(`errors.${key}`) }, input.posted);
}
