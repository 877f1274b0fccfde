import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { pes } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { assertTransition, PES_TRANSITIONS, type PesStatus } from '@/lib/domain/state-machines';
import type { MailContent, ProviderMailInput } from '@/lib/notifications/messages/provider-pes-request';
import { notifyProviders } from './notify-providers';

// The due dates are stamped with the step (issue 19): a later change of the terms does not move them.
type Stamp =
  { closeRequestedAt: Date; closeDueAt: Date } | { validationRequestedAt: Date; validationDueAt: Date | SQL };

/**
 * "Move these PES of the voucher from A to B, audit each, notify their providers" — the shape of the
 * close request and of both validation requests. Runs inside the caller's transaction under the voucher
 * lock; `UPDATE … WHERE status = from` so a PES another tab already moved is simply not in the result.
 * The caller decides whether a partial result is an error (throwing rolls everything back).
 */
export async function movePes(
  tx: Tx,
  m: {
    actor: Actor;
    voucher: { id: string; number: string; holderId: string };
    where: SQL | undefined;
    from: PesStatus;
    to: PesStatus;
    stamp: Stamp;
    auditAction: 'pes.close_requested' | 'pes.validation_requested';
    /** Throws to refuse what was matched (e.g. fewer rows than asked for) before anything is audited or e-mailed. */
    check?: (moved: (typeof pes.$inferSelect)[]) => void;
    message: (input: ProviderMailInput) => MailContent;
    now: Date;
    baseUrl?: string;
  },
) {
  assertTransition(PES_TRANSITIONS, m.from, m.to);
  const moved = await tx
    .update(pes)
    .set({ status: m.to, ...m.stamp, updatedAt: m.now })
    .where(and(eq(pes.voucherId, m.voucher.id), eq(pes.status, m.from), m.where))
    .returning();
  m.check?.(moved);
  for (const p of moved) {
    await writeAudit(tx, {
      actor: m.actor,
      action: m.auditAction,
      entityType: 'voucher',
      entityId: m.voucher.id,
      before: { pesId: p.id, code: p.code, status: m.from },
      after: { pesId: p.id, code: p.code, status: m.to },
      at: m.now,
    });
  }
  if (moved.length) {
    await notifyProviders(tx, {
      pes: moved,
      holderId: m.voucher.holderId,
      voucherNumber: m.voucher.number,
      message: m.message,
      baseUrl: m.baseUrl,
    });
  }
  return moved;
}
