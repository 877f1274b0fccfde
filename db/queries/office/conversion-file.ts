import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { auditEvents, children, conversions, documents, pes, pesChildren, providers, users, vouchers } from '@/db/schema';
import { storedAfter } from '@/lib/domain/audit-events';
import { committedCents, freedCents, residualCents, type PesForResidual } from '@/lib/domain/residual';
import type { ConversionStatus, PesStatus } from '@/lib/domain/state-machines';
import { buildDossier } from '@/lib/services/steps/dossier';
import type { OfficeScope } from './office-scope';
import { signatureHistory } from './signature-history';

export type OfficeConversionFile = NonNullable<Awaited<ReturnType<typeof getOfficeConversionFile>>>;
export type OfficeFilePes = OfficeConversionFile['pes'][number];

const decider = alias(users, 'decider');

/**
 * The whole file of a signed conversion for the office (getFamilyVoucherFile is family-only by design):
 * family and voucher, children, every PES with its children and document, the audit timeline, and the
 * dossier SHA-256 recomputed now to compare with the one the family signed. A fixed number of statements.
 */
export async function getOfficeConversionFile(db: DbOrTx, _scope: OfficeScope, conversionId: string) {
  const [head] = await db
    .select({
      conversion: conversions,
      voucher: vouchers,
      holder: { id: users.id, givenName: users.givenName, familyName: users.familyName, codiceFiscale: users.codiceFiscale, email: users.email, mobile: users.mobile },
      decidedByName: decider.givenName,
      decidedBySurname: decider.familyName,
    })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .leftJoin(decider, eq(decider.id, conversions.decidedBy))
    .where(eq(conversions.id, conversionId));
  // Only conversions signed at least once reach the office.
  if (!head || !head.conversion.submittedAt) return null;
  const voucherId = head.voucher.id;
  const [kids, pesRows, links, docs, events, recomputed, submissions] = await Promise.all([
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
      // The PES's current PDF; those detached after a signature are listed by signatureHistory.
      .where(and(eq(pes.voucherId, voucherId), isNull(documents.detachedAt))),
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        actorRole: auditEvents.actorRole,
        after: auditEvents.after,
        ip: auditEvents.ip,
        givenName: users.givenName,
        familyName: users.familyName,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.entityType, 'voucher'), eq(auditEvents.entityId, voucherId)))
      .orderBy(asc(auditEvents.at), asc(auditEvents.id)),
    buildDossier(db, conversionId).then((d) => d.sha256),
    signatureHistory(db, conversionId, voucherId),
  ]);
  const childById = new Map(kids.map((c) => [c.id, c]));
  const validatedBy = new Map<string, { name: string; at: Date }>();
  for (const e of events) {
    const code = storedAfter('pes.validated', e.after).code;
    if (e.action === 'pes.validated' && typeof code === 'string') validatedBy.set(code, { name: [e.givenName, e.familyName].filter(Boolean).join(' '), at: e.at });
  }
  const pesList = pesRows.map((r) => ({
    ...r.pes,
    status: r.pes.status as PesStatus,
    providerName: r.providerName,
    providerCode: r.providerCode,
    children: links.filter((l) => l.pesId === r.pes.id).map((l) => childById.get(l.childId)!).filter(Boolean),
    document: docs.find((d) => d.pesId === r.pes.id) ?? null,
    validation: validatedBy.get(r.pes.code) ?? null,
  }));
  // The voucher's standard PES and this conversion's new PES: a later request after a rejection has its own file.
  const ownPes = pesList.filter((p) => p.kind === 'standard' || p.conversionId === conversionId);
  const forResidual: PesForResidual[] = ownPes.map((p) => ({ kind: p.kind as PesForResidual['kind'], status: p.status, amountCents: p.amountCents, usedCents: p.usedCents }));
  const signed = head.conversion.signature?.dossierSha256 ?? null;
  return {
    conversion: { ...head.conversion, status: head.conversion.status as ConversionStatus },
    voucher: head.voucher,
    holder: head.holder,
    decidedBy: head.decidedByName ? `${head.decidedByName} ${head.decidedBySurname}` : null,
    children: kids,
    pes: pesList,
    standardPes: pesList.filter((p) => p.kind === 'standard'),
    newPes: ownPes.filter((p) => p.kind !== 'standard' && p.status !== 'deleted'),
    withdrawnPes: ownPes.filter((p) => p.kind !== 'standard' && p.status === 'deleted'),
    freedCents: freedCents(forResidual),
    committedCents: committedCents(forResidual),
    residualCents: residualCents(forResidual),
    dossier: { signedSha256: signed, recomputedSha256: recomputed, matches: signed !== null && signed === recomputed },
    submissions,
    events,
  };
}
