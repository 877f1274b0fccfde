import 'server-only';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { moveAssignee } from './move-assignee';

/**
 * Rilascia: nobody follows the case any more and it is back among the unassigned ones. Any clerk may release
 * (a colleague away for long, a deactivated account): the audit says who did.
 */
export async function releaseConversion(
  db: Db,
  actor: Actor,
  input: { conversionId: string; expectedAssigneeId: string | null },
  ctx: { now?: Date } = {},
) {
  const now = ctx.now ?? new Date();
  if (actor.role !== 'office') throw new AppError('forbidden');
  const from = input.expectedAssigneeId;
  if (from === null)
    throw new AppError('invalid_state', 'La pratica non è in carico a nessuno: non c’è nulla da rilasciare.');
  return db.transaction(async (tx) => {
    const moved = await moveAssignee(tx, { conversionId: input.conversionId, from, to: null }, now);
    if (moved.before.assigneeId === null) throw new AppError('invalid_state');
    await writeAudit(tx, {
      actor,
      action: 'conversion.released',
      entityType: 'voucher',
      entityId: moved.voucherId,
      before: { conversionId: moved.conversionId, ...moved.before },
      after: { conversionId: moved.conversionId, assigneeId: null, assigneeName: null },
      at: now,
    });
    return { conversionId: moved.conversionId, protocolNumber: moved.protocolNumber, assigneeName: null };
  });
}
