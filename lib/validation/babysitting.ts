import { z } from 'zod';
import { EMPLOYMENT_CONDITIONS } from '@/lib/domain/eligibility';
import employment from '@/messages/it/EmploymentDialog.json';
import { babysittingPesFields } from './family-pes-fields';
import { idSchema } from './ids';

export const declareEmploymentSchema = z
  .object({
    voucherId: idSchema,
    condition: z.enum(EMPLOYMENT_CONDITIONS, { message: employment.selectCondition }),
    returnsToWorkOutsideHome: z.boolean(),
    otherParentEmployed: z.boolean(),
    employerConfirmed: z.boolean(),
  })
  .strict();

/** `intent` preview is Aggiorna: the server computes the PES's figures and writes nothing (the form without JavaScript). */
export const saveBabysittingPesSchema = z
  .object({
    ...babysittingPesFields,
    voucherId: idSchema,
    pesId: idSchema.optional(),
    intent: z.enum(['save', 'preview']).optional(),
  })
  .strict();

export const voucherPesSchema = z.object({ voucherId: idSchema, pesId: idSchema }).strict();
export const voucherOnlySchema = z.object({ voucherId: idSchema }).strict();

export const validationDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ pesId: idSchema, decision: z.literal('validate') }).strict(),
  z
    .object({
      pesId: idSchema,
      decision: z.literal('reject'),
      reason: z
        .string()
        .trim()
        .min(5, 'Scrivi il motivo del rifiuto (almeno 5 caratteri): la famiglia lo leggerà.')
        .max(1000, 'Il motivo può avere al massimo 1000 caratteri.'),
    })
    .strict(),
]);
