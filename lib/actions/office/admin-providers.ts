'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { saveProvider } from '@/lib/services/office/admin/save-provider';
import { providerSchema } from '@/lib/validation/admin';
import { actionInput } from '../action-input';
import { echoValues } from '../form-input';
import { guarded } from '../guarded';

/** Nuovo / modifica soggetto erogatore: name, tax code, e-mail, bands, measures joined and from when. */
export async function saveProviderAction(prev: unknown, formData?: FormData) {
  const input = actionInput(prev, formData);
  const r = await guarded('office', providerSchema, input, async (data, { db, actor }) => {
    const saved = await saveProvider(db, actor, data);
    revalidatePath('/ufficio/amministrazione/soggetti-erogatori');
    return saved;
  });
  if (r.ok && formData) redirect(`/ufficio/amministrazione/soggetti-erogatori?salvato=${r.data.providerId}`);
  return echoValues(r, input.posted);
}
