import { z } from 'zod';
import { BANDS, type Band } from '@/lib/domain/bands';
import { parseEuro } from '@/lib/domain/money';
import { idSchema } from './ids';

const amountField = z
  .string({ message: 'Inserisci la quota richiesta in euro, ad esempio 500,00.' })
  .max(32)
  .transform((s, ctx) => {
    const r = parseEuro(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    }
    if (r.cents <= 0) {
      ctx.addIssue({ code: 'custom', message: 'La quota richiesta deve essere maggiore di zero.' });
      return z.NEVER;
    }
    return r.cents as number;
  });

const hoursField = z
  .string({ message: 'Inserisci le ore complessive del servizio, un numero intero.' })
  .trim()
  .regex(/^\d{1,5}$/, 'Inserisci le ore complessive del servizio come numero intero, ad esempio 40.')
  .transform(Number)
  .refine((n) => n >= 1, 'Le ore complessive devono essere almeno 1.');

const rowShape = {
  /** Set for a summer PES already saved; absent for one added on the page. */
  id: idSchema.optional(),
  childId: idSchema,
  band: z.enum(BANDS as [Band, ...Band[]], { message: 'Scegli la fascia del servizio.' }),
  providerId: z
    .string()
    .refine((v) => v !== '', 'Scegli il soggetto erogatore.')
    .pipe(idSchema),
  amount: amountField,
  hours: hoursField,
};

const pageShape = {
  voucherId: idSchema,
  /** "refresh" is Aggiorna (recompute only); "save" is conferma i dati e prosegui. */
  intent: z.enum(['save', 'refresh']),
  /** Saved PES the family cancelled on the page (Cancella questo P.E.S.). PES not named stay as they are. */
  removed: z.array(idSchema).max(40).optional(),
};

const MAX_PES = 40;

/**
 * RICHIESTA P.E.S. SERVIZI ESTIVI, one schema for both sides: react-hook-form validates the field array
 * with this base, the action parses with `saveSummerPesSchema` (the same rules, `.strict()` at every level).
 */
export const summerPesFormSchema = z.object({
  ...pageShape,
  pes: z.array(z.object(rowShape)).max(MAX_PES, `Al massimo ${MAX_PES} P.E.S. per pagina.`),
});

export const saveSummerPesSchema = z
  .object({
    ...pageShape,
    pes: z.array(z.object(rowShape).strict()).max(MAX_PES, `Al massimo ${MAX_PES} P.E.S. per pagina.`),
  })
  .strict();

export type SummerPesFormInput = z.input<typeof summerPesFormSchema>;
export type SummerPesRowInput = SummerPesFormInput['pes'][number];
export type SaveSummerPes = z.output<typeof saveSummerPesSchema>;

export const summerValidationSchema = z.object({ voucherId: idSchema }).strict();
export const summerDocumentSchema = z.object({ voucherId: idSchema, pesId: idSchema }).strict();
