import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, users, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { Actor } from '@/lib/auth/actor';
import { formatDateTimeIt } from '@/lib/domain/dates';
import { CONVERSION_STATUS_LABELS } from '@/lib/domain/labels';
import type { ConversionStatus } from '@/lib/domain/state-machines';

export type OfficeDecision = Extract<ConversionStatus, 'approved' | 'rejected' | 'returned'>;
const decider = alias(users, 'decider');

/**
 * The guarded transition every office decision starts with: `UPDATE … WHERE id = $1 AND status =
 * 'submitted'`. Two clerks deciding at once: the second UPDATE waits for the first to commit, then
 * matches no row, and the clerk is told who decided and when (M5).
 */
export async function claimDecision(
  tx: Tx,
  actor: Actor,
  conversionId: string,
  to: OfficeDecision,
  reason: string | null,
  now: Date,
) {
  const [claimed] = await tx
    .update(conversions)
    .set({ status: to, decisionReason: reason, decidedBy: actor.userId, decidedAt: now, updatedAt: now })
    .where(and(eq(conversions.id, conversionId), eq(conversions.status, 'submitted')))
    .returning();
  if (claimed) {
    const [who] = await tx
      .select({
        voucherNumber: vouchers.number,
        voucherId: vouchers.id,
        holderId: users.id,
        givenName: users.givenName,
        familyName: users.familyName,
        email: users.email,
        codiceFiscale: users.codiceFiscale,
        locale: users.locale,
      })
      .from(vouchers)
      .innerJoin(users, eq(users.id, vouchers.holderId))
      .where(eq(vouchers.id, claimed.voucherId));
    return { conversion: claimed, family: who! };
  }
  const [current] = await tx
    .select({
      status: conversions.status,
      decidedAt: conversions.decidedAt,
      submittedAt: conversions.submittedAt,
      name: decider.givenName,
      surname: decider.familyName,
    })
    .from(conversions)
    .leftJoin(decider, eq(decider.id, conversions.decidedBy))
    .where(eq(conversions.id, conversionId));
  if (!current || !current.submittedAt)
    throw new AppError('not_found', 'La pratica non esiste o non è ancora stata inviata dalla famiglia.');
  throw new AppError('invalid_state', alreadyDecided(current));
}

function alreadyDecided(c: {
  status: string;
  decidedAt: Date | null;
  name: string | null;
  surname: string | null;
}): string {
  const label = CONVERSION_STATUS_LABELS[c.status as ConversionStatus] ?? c.status;
  if (c.decidedAt && c.name && ['approved', 'rejected', 'returned'].includes(c.status)) {
    const what = c.status === 'returned' ? 'restituita per integrazione' : label;
    return `La pratica è già stata ${what} da ${c.name} ${c.surname} il ${formatDateTimeIt(c.decidedAt)}: la tua decisione non è stata registrata. Ricarica la pagina per vedere la situazione aggiornata.`;
  }
  return `La pratica non è in attesa di convalida (stato: ${label}): la decisione non è stata registrata.`;
}
