import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { staffRecoveryCodes, staffTotp, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { mfaResetMessage } from '@/lib/notifications/messages/mfa-reset';
import { requireOffice } from './require-office';

/**
 * For a clerk who lost the phone: removes the authenticator and the recovery codes and ends their
 * sessions; they enrol again at the next sign-in. Never on oneself, so one stolen office password
 * cannot also remove its own second factor.
 */
export async function resetUserMfa(db: Db, actor: Actor, input: { userId: string }, ctx: { now?: Date } = {}) {
  requireOffice(actor);
  const now = ctx.now ?? new Date();
  if (input.userId === actor.userId)
    throw new AppError(
      'invalid_state',
      'Non puoi azzerare la tua verifica in due passaggi: chiedilo a un collega della Struttura.',
    );
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, input.userId), inArray(users.role, ['provider', 'office'])))
      .returning({ id: users.id, email: users.email, givenName: users.givenName, familyName: users.familyName });
    if (!user) throw new AppError('not_found', 'L’utente non esiste o non è un operatore.');
    const removed = await tx
      .delete(staffTotp)
      .where(eq(staffTotp.userId, user.id))
      .returning({ confirmedAt: staffTotp.confirmedAt, lockedAt: staffTotp.lockedAt });
    if (!removed[0]?.confirmedAt)
      throw new AppError(
        'invalid_state',
        'Questo utente non ha attivato la verifica in due passaggi: non c’è nulla da azzerare.',
      );
    const codes = await tx
      .delete(staffRecoveryCodes)
      .where(eq(staffRecoveryCodes.userId, user.id))
      .returning({ id: staffRecoveryCodes.id });
    await writeAudit(tx, {
      actor,
      action: 'user.mfa_reset',
      entityType: 'user',
      entityId: user.id,
      // Deleting the authenticator also lifts a lock by wrong codes: the clerk enrols a new one.
      before: { enrolled: true, recoveryCodes: codes.length, locked: Boolean(removed[0].lockedAt) },
      after: { enrolled: false, recoveryCodes: 0 },
      at: now,
    });
    await enqueueEmail(tx, { to: user.email, ...mfaResetMessage(user) });
  });
}
