'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { createStaffUser } from '@/lib/services/office/admin/create-staff-user';
import { resetUserMfa } from '@/lib/services/office/admin/reset-user-mfa';
import { setUserActive } from '@/lib/services/office/admin/set-user-active';
import { setUserActiveSchema, staffUserSchema, userIdSchema } from '@/lib/validation/admin';
import { actionInput } from '../action-input';
import { echoValues } from '../form-input';
import { guarded } from '../guarded';

const USERS = '/ufficio/amministrazione/utenti';

/** Nuovo operatore: the person receives the activation link by e-mail. */
export async function createStaffUserAction(prev: unknown, formData?: FormData) {
  const input = actionInput(prev, formData);
  const r = await guarded('office', staffUserSchema, input, async (data, { db, actor, baseUrl }) => {
    const created = await createStaffUser(db, actor, data, { baseUrl });
    revalidatePath(USERS);
    return created;
  });
  if (r.ok && formData) redirect(`${USERS}?creato=${r.data.userId}`);
  return echoValues(r, input.posted);
}

export async function setUserActiveAction(prev: unknown, formData?: FormData) {
  return guarded('office', setUserActiveSchema, actionInput(prev, formData), async (data, { db, actor }) => {
    await setUserActive(db, actor, data);
    revalidatePath(USERS);
    return { active: data.active };
  });
}

/** Azzera la verifica in due passaggi of another clerk who lost the phone. */
export async function resetUserMfaAction(prev: unknown, formData?: FormData) {
  return guarded('office', userIdSchema, actionInput(prev, formData), async (data, { db, actor }) => {
    await resetUserMfa(db, actor, data);
    revalidatePath(USERS);
    return { reset: true };
  });
}
