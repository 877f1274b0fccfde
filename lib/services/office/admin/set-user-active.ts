import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requireOffice } from './require-office';

/**
 * Deactivation ends the user's sessions at once: the session check refuses inactive users and the
 * version bump kills every token issued before. Families are managed by the voucher import, not here.
 */
export async function setUserActive(
  db: Db,
  actor: Actor,
  input: { userId: string; active: boolean },
  ctx: { now?: Date } = {},
) {
  requireOffice(actor);
  const now = ctx.now ?? new Date();
  if (!input.active && input.userId === actor.userId) {
    throw new AppError(
      'invalid_state',
      'Non puoi disattivare il tuo stesso accesso: chiedilo a un collega della Struttura.',
    );
  }
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ active: input.active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(
        and(eq(users.id, input.userId), eq(users.active, !input.active), inArray(users.role, ['provider', 'office'])),
      )
      .returning({ id: users.id });
    if (changed.length !== 1) {
      const [u] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId));
      if (!u || u.role === 'family') throw new AppError('not_found', 'L’utente non esiste o non è un operatore.');
      throw new AppError('invalid_state', input.active ? 'L’utente è già attivo.' : 'L’utente è già disattivato.');
    }
    await writeAudit(tx, {
      actor,
      action: input.active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'user',
      entityId: input.userId,
      before: { active: !input.active },
      after: { active: input.active },
      at: now,
    });
  });
}
