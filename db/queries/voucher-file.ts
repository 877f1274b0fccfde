import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { auditEvents, children, conversions, documents, pes, pesChildren, providers, users, vouchers } from '@/db/schema';
import { residualCents, freedCents, committedCents } from '@/lib/domain/residual';

export type VoucherFile = NonNullable<Awaited<ReturnType<typeof getFamilyVoucherFile>>>;
export type VoucherPes = VoucherFile['pes'][number];

/**
 * Everything a voucher page shows, in a fixed number of statements whatever the number of PES (P2).
 * `holderId` is required: a family only ever loads its own voucher.
 */
export async function getFamilyVoucherFile(db: DbOrTx, holderId: string, voucherId: string) {
  const [head] = await db.select({ voucher: vouchers }).from(vouchers).where(and(eq(vouchers.id, voucherId), eq(vouchers.holderId, holderId)));
  if (!head) return null;
  const [convs, kids, pesRows, links, docs, events] = await Promise.all([
    db.select().from(conversions).where(eq(conversions.voucherId, voucherId)).orderBy(desc(conversions.createdAt), desc(conversions.id)),
    db.select().from(children).where(eq(children.voucherId, voucherId)).orderBy(asc(children.position)),
    db
      .select({ pes, providerName: providers.name, providerCode: providers.code })
      .from(pes)
      .innerJoin(providers, eq(providers.id, pes.providerId))
      .where(eq(pes.voucherId, voucherId))
      .orderBy(asc(pes.createdAt), asc(pes.code)),
    db.select({ pesId: pesChildren.pesId, childId: pesChildren.childId }).from(pesChildren).innerJoin(pes, eq(pes.id, pesChildren.pesId)).where(eq(pes.voucherId, voucherId)),
    db
      .select({ id: documents.id, pesId: documents.pesId, fileName: documents.fileName, sizeBytes: documents.sizeBytes, sha256: documents.sha256, createdAt: documents.createdAt })
      .from(documents)
      .innerJoin(pes, eq(pes.id, documents.pesId))
      // A PDF detached after a signature stays for the office's record; the family sees the current one.
      .where(and(eq(pes.voucherId, voucherId), isNull(documents.detachedAt))),
    db
      .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, actorRole: auditEvents.actorRole, after: auditEvents.after, givenName: users.givenName, familyName: users.familyName, providerId: users.providerId })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.entityType, 'voucher'), eq(auditEvents.entityId, voucherId)))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id)),
  ]);
  const childById = new Map(kids.map((c) => [c.id, c]));
  const pesList = pesRows.map((r) => ({
    ...r.pes,
    providerName: r.providerName,
    providerCode: r.providerCode,
    children: links.filter((l) => l.pesId === r.pes.id).map((l) => childById.get(l.childId)!).filter(Boolean),
    document: docs.find((d) => d.pesId === r.pes.id) ?? null,
  }));
  const forResidual = pesList.map((p) => ({ kind: p.kind as 'standard', status: p.status, amountCents: p.amountCents, usedCents: p.usedCents }));
  // At most one conversion is not rejected (conversions_voucher_active_unique): that is the one being worked
  // on. A rejected one is history; its cancelled PES no longer hold money, so the residual is free again.
  const conversion = convs.find((c) => c.status !== 'rejected') ?? null;
  return {
    voucher: head.voucher,
    conversion,
    rejectedConversion: convs.find((c) => c.status === 'rejected') ?? null,
    children: kids,
    pes: pesList,
    standardPes: pesList.filter((p) => p.kind === 'standard'),
    newPes: pesList.filter((p) => p.kind !== 'standard' && conversion !== null && p.conversionId === conversion.id),
    freedCents: freedCents(forResidual),
    committedCents: committedCents(forResidual),
    residualCents: residualCents(forResidual),
    events,
  };
}
