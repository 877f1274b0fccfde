import 'server-only';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { moveAssignee } from './move-assignee';

/**
 * Assegna a: puts another active office clerk (or oneself) in charge. `expectedAssigneeId` is who the clerk saw
 * in charge: if it changed meanwhile nothing is written and the clerk is told who has the case now.
 */
export async function assignConversion(
  db: Db,
  actor: Actor,
  input: { conversionId: string; assigneeId: string; expectedAssigneeId: string | null },
  ctx: { now?: Date } = {},
) {
  const now = ctx.now ?? new Date();
  if (actor.role !== 'office') throw new AppError('forbidden');
  if (input.assigneeId === input.expectedAssigneeId)
    throw new AppError('invalid_input', 'La pratica è già in carico a questa persona: scegline un’altra.', {
      assigneeId: 'La pratica è già in carico a questa persona: scegline un’altra.',
    });
  return db.transaction(async (tx) => {
    const moved = await moveAssignee(
      tx,
      { conversionId: input.conversionId, from: input.expectedAssigneeId, to: input.assigneeId },
      now,
    );
    if (moved.after.assigneeId === null) throw new AppError('invalid_state');
    await writeAudit(tx, {
      actor,
      action: 'conversion.assigned',
      entityType: 'voucher',
      entityId: moved.voucherId,
      before: { conversionId: moved.conversionId, ...moved.before },
      after: { conversionId: moved.conversionId, ...moved.after },
      at: now,
    });
    return {
      conversionId: moved.conversionId,
      protocolNumber: moved.protocolNumber,
      assigneeName: moved.after.assigneeName,
    };
  });
}
