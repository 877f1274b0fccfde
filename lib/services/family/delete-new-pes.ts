import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes } from '@/db/schema';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { canDeleteNewPes, isConversionEditable, PES_STATUSES } from '@/lib/domain/state-machines';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';

/** A draft or rejected new PES (or a validated one, once the office returned the conversion) is withdrawn: its amount returns to the residual. */
export async function deleteNewPes(
  db: Db,
  actor: Actor,
  input: { voucherId: string; pesId: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status)) throw refusal('invalid_state', 'alreadySent');
    // Returned by the office (signed once): a validated PES may be withdrawn too.
    const deletable = PES_STATUSES.filter((s) => canDeleteNewPes(s, { reopened: conversion.submittedAt !== null }));
    const [row] = await tx
      .update(pes)
      .set({ status: 'deleted', updatedAt: now })
      .where(
        and(
          eq(pes.id, input.pesId),
          eq(pes.voucherId, voucher.id),
          eq(pes.conversionId, conversion.id),
          inArray(pes.status, deletable),
        ),
      )
      .returning({ id: pes.id, code: pes.code, amountCents: pes.amountCents });
    if (!row) throw refusal('invalid_state', 'notDeletable');
    await writeAudit(tx, {
      actor,
      action: 'pes.deleted',
      entityType: 'voucher',
      entityId: voucher.id,
      after: { pesId: row.id, code: row.code, status: 'deleted', amountCents: row.amountCents },
      at: now,
    });
    await syncConversionStatus(tx, conversion.id, now);
    return { code: row.code };
  });
}
