'use server';
import { revalidatePath } from 'next/cache';
import { closePes, reviewClosing } from '@/lib/services/provider/close-pes';
import { closePesSchema } from '@/lib/validation/closing';
import { actionInput } from '../action-input';
import type { FormState } from '../form-input';
import { guarded } from '../guarded';

export type ClosePesStep =
  | { step: 'edit' }
  | ({ step: 'confirm' } & Awaited<ReturnType<typeof reviewClosing>>)
  | ({ step: 'done' } & Awaited<ReturnType<typeof closePes>>);
export type ClosePesState = FormState<ClosePesStep>;

/**
 * Chiudi il PES in two steps (Prosegui → Conferma chiusura), each a `<form action>` posted to the server, so
 * both work without JavaScript: the typed values travel back in the state and in hidden fields. Called
 * directly with `{ pesId, usedAmount, hoursUsed }` it closes at once.
 */
export async function closePesAction(prevOrInput: unknown, formData?: FormData): Promise<NonNullable<ClosePesState>> {
  const input = actionInput(prevOrInput, formData);
  const r = await guarded(
    'provider',
    closePesSchema,
    input,
    async ({ intent = 'confirm', pesId, usedAmount, hoursUsed }, { db, actor, baseUrl }): Promise<ClosePesStep> => {
      const input = { pesId, usedCents: usedAmount, hoursUsed };
      if (intent === 'edit') return { step: 'edit' };
      if (intent === 'review') return { step: 'confirm', ...(await reviewClosing(db, actor, input)) };
      const out = await closePes(db, actor, input, { baseUrl });
      revalidatePath('/erogatore', 'layout');
      return { step: 'done', ...out };
    },
  );
  return input.posted ? { ...r, values: input.posted } : r;
}
