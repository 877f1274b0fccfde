import 'server-only';
import { storedLocale } from '@/lib/domain/locale';
import { now as clockNow } from '@/lib/clock';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes, users, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { pesValidationDecidedMessage } from '@/lib/notifications/messages/pes-validation-decided';
import { lockConversion } from '@/lib/services/transitions/lock-voucher';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';

export type ValidationDecision =
  { pesId: string; decision: 'validate' } | { pesId: string; decision: 'reject'; reason: string };

/** The provider named on a new PES validates it or rejects it with a reason; the family is e-mailed. */
export async function decideValidation(
  db: Db,
  actor: Actor,
  input: ValidationDecision,
  ctx: { baseUrl?: string; now?: Date } = {},
) {
  const now = ctx.now ?? clockNow();
  if (actor.role !== 'provider' || !actor.providerId) throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(pes)
      .where(and(eq(pes.id, input.pesId), eq(pes.providerId, actor.providerId!)));
    if (!row || row.kind === 'standard' || !row.conversionId)
      throw new AppError('not_found', 'Il PES non esiste o non è del tuo ente.');
    // Two decisions on PES of the same conversion must not both compute its status from stale rows.
    await lockConversion(tx, row.conversionId);
    const validated = input.decision === 'validate';
    const reason = input.decision === 'reject' ? input.reason.trim() : null;
    const updated = await tx
      .update(pes)
      .set({ status: validated ? 'validated' : 'rejected', rejectionReason: reason, decidedAt: now, updatedAt: now })
      .where(and(eq(pes.id, row.id), eq(pes.providerId, actor.providerId!), eq(pes.status, 'awaiting_validation')))
      .returning({ id: pes.id });
    if (updated.length !== 1)
      throw new AppError('invalid_state', 'Il PES non è in attesa di validazione: forse è già stato deciso.');
    const ref = { pesId: row.id, code: row.code };
    const common = {
      actor,
      entityType: 'voucher',
      entityId: row.voucherId,
      before: { ...ref, status: 'awaiting_validation' },
      at: now,
    } as const;
    await writeAudit(
      tx,
      validated
        ? { ...common, action: 'pes.validated', after: { ...ref, status: 'validated' } }
        : { ...common, action: 'pes.rejected', after: { ...ref, status: 'rejected', ...(reason ? { reason } : {}) } },
    );
    const [v] = await tx
      .select({
        number: vouchers.number,
        email: users.email,
        givenName: users.givenName,
        familyName: users.familyName,
        locale: users.locale,
      })
      .from(vouchers)
      .innerJoin(users, eq(users.id, vouchers.holderId))
      .where(eq(vouchers.id, row.voucherId));
    await enqueueEmail(tx, {
      to: v!.email,
      ...pesValidationDecidedMessage(
        {
          givenName: v!.givenName,
          familyName: v!.familyName,
          voucherNumber: v!.number,
          pes: row,
          validated,
          reason,
          ...(ctx.baseUrl ? { href: `${ctx.baseUrl}/famiglia/buoni/${row.voucherId}` } : {}),
        },
        storedLocale(v!.locale),
      ),
    });
    const conversionStatus = await syncConversionStatus(tx, row.conversionId!, now);
    return { status: validated ? ('validated' as const) : ('rejected' as const), conversionStatus };
  });
}
