import 'server-only';
import { storedLocale } from '@/lib/domain/locale';
import { now as clockNow } from '@/lib/clock';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes, users, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { formatEuro } from '@/lib/domain/money';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { pesClosedMessage } from '@/lib/notifications/messages/pes-closed';

type ClosingInput = { pesId: string; usedCents: number; hoursUsed: number };

/** The provider's PES awaiting closing, with the declared use checked against its amount and hours. */
async function closablePes(tx: Pick<Db, 'select'>, actor: Actor, input: ClosingInput) {
  const [row] = await tx
    .select()
    .from(pes)
    .where(and(eq(pes.id, input.pesId), eq(pes.providerId, actor.providerId!)));
  if (!row || row.kind !== 'standard') throw new AppError('not_found', 'Il PES non esiste o non è del tuo ente.');
  if (row.status !== 'close_requested') {
    throw new AppError(
      'invalid_state',
      row.status === 'closed' ? 'Il PES è già stato chiuso.' : 'La famiglia non ha chiesto la chiusura di questo PES.',
    );
  }
  const fieldErrors: Record<string, string> = {};
  if (!Number.isSafeInteger(input.usedCents) || input.usedCents < 0 || input.usedCents > row.amountCents) {
    fieldErrors.usedAmount = `L’importo utilizzato deve essere tra 0,00 € e ${formatEuro(row.amountCents)} (importo del PES).`;
  }
  if (!Number.isSafeInteger(input.hoursUsed) || input.hoursUsed < 0 || input.hoursUsed > row.hours) {
    fieldErrors.hoursUsed = `Le ore utilizzate devono essere un numero intero tra 0 e ${row.hours} (ore del PES).`;
  }
  if (Object.keys(fieldErrors).length) throw new AppError('invalid_input', undefined, fieldErrors);
  return row;
}

/**
 * The provider closes a PES the family asked to close, declaring what was actually used:
 * the difference becomes the family's importo utilizzabile.
 */
export async function closePes(db: Db, actor: Actor, input: ClosingInput, ctx: { baseUrl?: string; now?: Date } = {}) {
  const now = ctx.now ?? clockNow();
  if (actor.role !== 'provider' || !actor.providerId) throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const row = await closablePes(tx, actor, input);
    // Conditional on the expected status: a second concurrent close changes nothing (M5).
    const updated = await tx
      .update(pes)
      .set({ status: 'closed', usedCents: input.usedCents, hoursUsed: input.hoursUsed, closedAt: now, updatedAt: now })
      .where(and(eq(pes.id, row.id), eq(pes.providerId, actor.providerId!), eq(pes.status, 'close_requested')))
      .returning({ id: pes.id });
    if (updated.length !== 1) throw new AppError('invalid_state', 'Il PES è già stato chiuso.');

    const [v] = await tx
      .select({
        id: vouchers.id,
        number: vouchers.number,
        email: users.email,
        givenName: users.givenName,
        familyName: users.familyName,
        locale: users.locale,
      })
      .from(vouchers)
      .innerJoin(users, eq(users.id, vouchers.holderId))
      .where(eq(vouchers.id, row.voucherId));
    const freed = row.amountCents - input.usedCents;
    await writeAudit(tx, {
      actor,
      action: 'pes.closed',
      entityType: 'voucher',
      entityId: row.voucherId,
      before: { pesId: row.id, code: row.code, status: 'close_requested' },
      after: {
        pesId: row.id,
        code: row.code,
        status: 'closed',
        usedCents: input.usedCents,
        hoursUsed: input.hoursUsed,
        freedCents: freed,
      },
      at: now,
    });
    await enqueueEmail(tx, {
      to: v!.email,
      ...pesClosedMessage(
        {
          givenName: v!.givenName,
          familyName: v!.familyName,
          voucherNumber: v!.number,
          pes: row,
          usedCents: input.usedCents,
          hoursUsed: input.hoursUsed,
          ...(ctx.baseUrl ? { href: `${ctx.baseUrl}/famiglia/buoni/${row.voucherId}` } : {}),
        },
        storedLocale(v!.locale),
      ),
    });
    return { freedCents: freed, voucherId: row.voucherId };
  });
}

/**
 * Prosegui: the summary the provider confirms before closing (nothing is written). Same checks as the
 * closing itself, so a page posted without JavaScript shows the freed amount the closing will record.
 */
export async function reviewClosing(db: Db, actor: Actor, input: ClosingInput) {
  if (actor.role !== 'provider' || !actor.providerId) throw new AppError('forbidden');
  const row = await closablePes(db, actor, input);
  return {
    code: row.code,
    amountCents: row.amountCents,
    hours: row.hours,
    usedCents: input.usedCents,
    hoursUsed: input.hoursUsed,
    freedCents: row.amountCents - input.usedCents,
  };
}
