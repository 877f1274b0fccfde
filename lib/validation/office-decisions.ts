import { z } from 'zod';
import { idSchema } from './ids';

export const conversionIdSchema = z.object({ conversionId: idSchema }).strict();

/** Respingi, Richiedi integrazione and Sblocca la firma need a reason the family (or the audit) reads. */
export const conversionReasonSchema = z
  .object({
    conversionId: idSchema,
    reason: z
      .string()
      .trim()
      .min(5, 'Scrivi il motivo (almeno 5 caratteri): la famiglia lo leggerà.')
      .max(1000, 'Il motivo può avere al massimo 1000 caratteri.'),
  })
  .strict();
