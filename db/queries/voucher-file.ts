import 'server-only';
import { and, asc, desc, eq, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { auditEvents, conversions, users, vouchers } from '@/db/schema';
import { OFFICE_ONLY_VOUCHER_ACTIONS } from '@/lib/domain/audit-events';
import { residualCents, freedCents, committedCents } from '@/lib/domain/residual';
import { loadVoucherGraph } from './voucher-graph';

export type VoucherFile = NonNullable<Awaited<ReturnType<typeof getFamilyVoucherFile>>>;
export type VoucherPes = VoucherFile['pes'][number];

const statements = (db: DbOrTx) => ({
  // The voucher with its conversions in one statement (one row per conversion, or one with none).
  head: db
    .select({ voucher: vouchers, conversion: conversions })
    .from(vouchers)
    .leftJoin(conversions, eq(conversions.voucherId, vouchers.id))
    .where(and(eq(vouchers.id, sql.placeholder('voucherId')), eq(vouchers.holderId, sql.placeholder('holderId'))))
    .orderBy(desc(conversions.createdAt), desc(conversions.id))
    .prepare('voucher_file_head'),
  events: db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorRole: auditEvents.actorRole,
      after: auditEvents.after,
      givenName: users.givenName,
      familyName: users.familyName,
      providerId: users.providerId,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        eq(auditEvents.entityType, 'voucher'),
        eq(auditEvents.entityId, sql.placeholder('voucherId')),
        notInArray(auditEvents.action, [...OFFICE_ONLY_VOUCHER_ACTIONS]),
      ),
    )
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))
    .prepare('voucher_file_events'),
});

/**
 * Everything a voucher page shows, in a fixed number of prepared statements whatever the number of PES (P2).
 * `holderId` is required: a family only ever loads its own voucher.
 */
export async function getFamilyVoucherFile(db: DbOrTx, holderId: string, voucherId: string) {
  const q = prepared(db, 'voucher-file', statements);
  const head = await q.head.execute({ voucherId, holderId });
  if (!head.length) return null;
  const convs = head.flatMap((r) => (r.conversion ? [r.conversion] : []));
  const [graph, events] = await Promise.all([loadVoucherGraph(db, voucherId), q.events.execute({ voucherId })]);
  const pesList = graph.pes;
  const forResidual = pesList.map((p) => ({
    kind: p.kind as 'standard',
    status: p.status,
    amountCents: p.amountCents,
    usedCents: p.usedCents,
  }));
  // At most one conversion is not rejected (conversions_voucher_active_unique): that is the one being worked
  // on. A rejected one is history; its cancelled PES no longer hold money, so the residual is free again.
  const conversion = convs.find((c) => c.status !== 'rejected') ?? null;
  return {
    voucher: head[0]!.voucher,
    conversion,
    rejectedConversion: convs.find((c) => c.status === 'rejected') ?? null,
    children: graph.children,
    pes: pesList,
    standardPes: pesList.filter((p) => p.kind === 'standard'),
    newPes: pesList.filter((p) => p.kind !== 'standard' && conversion !== null && p.conversionId === conversion.id),
    freedCents: freedCents(forResidual),
    committedCents: committedCents(forResidual),
    residualCents: residualCents(forResidual),
    events,
  };
}
