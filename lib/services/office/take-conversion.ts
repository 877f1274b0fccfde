import 'server-only';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { moveAssignee } from './move-assignee';

/**
 * Prendi in carico: the clerk follows this case from now on. Only a case nobody has: taking it from a colleague
 * is Assegna a (so nobody takes a case over by a double click on a stale page). Any clerk may still decide.
 */
export async function takeConversion(db: Db, actor: Actor, input: { conversionId: string }, ctx: { now?: Date } = {}) {
  const now = ctx.now ?? new Date();
  if (actor.role !== 'office') throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const moved = await moveAssignee(tx, { conversionId: input.conversionId, from: null, to: actor.userId }, now);
    if (moved.after.assigneeId === null) throw new AppError('invalid_state');
    await writeAudit(tx, {
      actor,
      action: 'conversion.taken_in_charge',
      entityType: 'voucher',
      entityId: moved.voucherId,
      before: { conversionId: moved.conversionId, assigneeId: null, assigneeName: null },
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
