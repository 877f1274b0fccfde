import { z } from 'zod';
import { idSchema } from './ids';
import { ASSIGNMENT_INTENTS } from './office-assignment-fields';

const INVALID_OP = 'Operazione non valida.';

/** An empty select or field means "nobody". */
const someoneOrNobody = z.union([z.literal('').transform(() => null), idSchema]);

/** `<intent>:<conversionId>:<expectedAssigneeId>` (office-assignment-fields.ts), read into its parts. */
const operation = z
  .string({ message: INVALID_OP })
  .max(200, { message: INVALID_OP })
  .transform((op, ctx) => {
    const parts = op.split(':');
    if (parts.length !== 3) {
      ctx.addIssue({ code: 'custom', message: INVALID_OP });
      return z.NEVER;
    }
    const [intent, conversionId, expectedAssigneeId] = parts;
    return { intent, conversionId, expectedAssigneeId };
  })
  .pipe(
    z.object({
      intent: z.enum(ASSIGNMENT_INTENTS, { message: INVALID_OP }),
      conversionId: idSchema,
      expectedAssigneeId: someoneOrNobody,
    }),
  );

/**
 * Prendi in carico, Assegna a, Rilascia: the pressed button's `op` says which, on which case, and who the
 * page showed in charge (`expectedAssigneeId`), so the queue is one form for all its rows with one outcome
 * message. `assigneeId` is the pressed row's "Assegna a" select (pressedRowOnly picks it out of the form).
 */
export const assignmentSchema = z
  .object({
    op: operation,
    assigneeId: someoneOrNobody.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.op.intent === 'assign' && !v.assigneeId)
      ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'Scegli a chi assegnare la pratica.' });
  })
  .transform(({ op, assigneeId }) => ({ ...op, assigneeId }));
