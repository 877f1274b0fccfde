import { z } from 'zod';
import { idSchema } from './ids';

export const ASSIGNMENT_INTENTS = ['take', 'assign', 'release'] as const;

/** An empty select or hidden field means "nobody". */
const someoneOrNobody = z.union([z.literal('').transform(() => null), idSchema]);

/**
 * Prendi in carico, Assegna a, Rilascia: one form per case, the button pressed says which (`intent`), so the
 * queue needs one outcome message for all its rows. `expectedAssigneeId` is who the page showed in charge.
 */
export const assignmentSchema = z
  .object({
    conversionId: idSchema,
    intent: z.enum(ASSIGNMENT_INTENTS, { message: 'Operazione non valida.' }),
    expectedAssigneeId: someoneOrNobody.default(''),
    assigneeId: someoneOrNobody.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.intent === 'assign' && !v.assigneeId)
      ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'Scegli a chi assegnare la pratica.' });
  });
