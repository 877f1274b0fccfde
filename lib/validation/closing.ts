import { z } from 'zod';
import { parseEuro } from '@/lib/domain/money';
import { SELECT_ONE_PES } from './closing-messages';
import { idSchema } from './ids';

export const requestClosingSchema = z
  .object({
    voucherId: idSchema,
    pesIds: z.array(idSchema).min(1, SELECT_ONE_PES).max(100),
  })
  .strict();
export type RequestClosingInput = z.input<typeof requestClosingSchema>;

/** Italian money text in, integer cents out: the browser never sends a float. */
export const euroField = z
  .string()
  .max(32)
  .transform((s, ctx) => {
    const r = parseEuro(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    return r.cents as number;
  });

export const hoursField = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, `${label}: inserisci un numero intero di ore, ad esempio 40.`)
    .transform(Number);

/** The closing form's own fields: the provider's form checks them with the same rules as the action. */
export const closePesFieldsSchema = z.object({
  usedAmount: euroField,
  hoursUsed: hoursField('Ore utilizzate'),
});

/**
 * `intent` is the step of the two-step form posted without JavaScript: review (Prosegui: the summary, nothing
 * written), edit (Modifica i dati: back to the fields) or confirm (Conferma chiusura, the default).
 */
export const closePesSchema = closePesFieldsSchema
  .extend({ pesId: idSchema, intent: z.enum(['review', 'edit', 'confirm']).optional() })
  .strict();
export type ClosePesInput = z.input<typeof closePesSchema>;
