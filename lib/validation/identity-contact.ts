import { z } from 'zod';

/** «Usa questo indirizzo/numero per le comunicazioni»: which contact, and the value the family saw on the page. */
export const adoptIdentityContactSchema = z
  .object({
    field: z.enum(['email', 'mobile']),
    value: z.string().trim().min(1).max(254),
  })
  .strict();
export type AdoptIdentityContactInput = z.infer<typeof adoptIdentityContactSchema>;
