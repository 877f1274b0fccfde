'use server';
import { revalidatePath } from 'next/cache';
import { assignConversion } from '@/lib/services/office/assign-conversion';
import { releaseConversion } from '@/lib/services/office/release-conversion';
import { takeConversion } from '@/lib/services/office/take-conversion';
import { assignmentSchema } from '@/lib/validation/office-assignment';
import { actionInput } from '../action-input';
import { guarded } from '../guarded';
import { pressedRowOnly } from './pressed-row';

/**
 * Prendi in carico / Assegna a / Rilascia (a `<form action>` with useActionState: the queue's one form around
 * its table, or the conversion file's forms; the pressed button's `op` says which). Answers with what
 * happened, for the outcome message.
 */
export async function changeAssignmentAction(input: unknown, formData?: FormData) {
  return guarded(
    'office',
    assignmentSchema,
    actionInput(input, formData, { narrow: pressedRowOnly }),
    async (data, { db, actor }) => {
      const expected = data.expectedAssigneeId;
      const r =
        data.intent === 'take'
          ? await takeConversion(db, actor, { conversionId: data.conversionId })
          : data.intent === 'assign'
            ? await assignConversion(db, actor, {
                conversionId: data.conversionId,
                assigneeId: data.assigneeId!,
                expectedAssigneeId: expected,
              })
            : await releaseConversion(db, actor, { conversionId: data.conversionId, expectedAssigneeId: expected });
      revalidatePath('/ufficio');
      revalidatePath(`/ufficio/pratiche/${r.conversionId}`);
      return {
        intent: data.intent,
        protocolNumber: r.protocolNumber,
        assigneeName: r.assigneeName,
        self: data.intent === 'take' || data.assigneeId === actor.userId,
      };
    },
  );
}
