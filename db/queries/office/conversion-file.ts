import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { auditEvents, conversions, users, vouchers } from '@/db/schema';
import { storedAfter } from '@/lib/domain/audit-events';
import { committedCents, freedCents, residualCents, type PesForResidual } from '@/lib/domain/residual';
import type { ConversionStatus, PesStatus } from '@/lib/domain/state-machines';
import { dossierOf } from '../build-dossier';
import { loadVoucherGraph } from '../voucher-graph';
import type { OfficeScope } from './office-scope';
import { signatureHistory } from './signature-history';

export type OfficeConversionFile = NonNullable<Awaited<ReturnType<typeof getOfficeConversionFile>>>;
export type OfficeFilePes = OfficeConversionFile['pes'][number];

const decider = alias(users, 'decider');
const assignee = alias(users, 'assignee');

/**
 * The whole file of a signed conversion for the office (getFamilyVoucherFile is family-only by design):
 * family and voucher, children, every PES with its children and document, the audit timeline, and the
 * dossier SHA-256 recomputed now to compare with the one the family signed. A fixed number of statements
 * (the voucher graph is read once, for the page and for the dossier).
 */
export async function getOfficeConversionFile(db: DbOrTx, _scope: OfficeScope, conversionId: string) {
  const [head] = await db
    .select({
      conversion: conversions,
      voucher: vouchers,
      holder: {
        id: users.id,
        givenName: users.givenName,
        familyName: users.familyName,
        codiceFiscale: users.codiceFiscale,
        email: users.email,
        mobile: users.mobile,
        locale: users.locale,
      },
      decidedByName: decider.givenName,
      decidedBySurname: decider.familyName,
      assigneeName: assignee.givenName,
      assigneeSurname: assignee.familyName,
    })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .leftJoin(decider, eq(decider.id, conversions.decidedBy))
    .leftJoin(assignee, eq(assignee.id, conversions.assignedTo))
    .where(eq(conversions.id, conversionId));
  // Only conversions signed at least once reach the office.
  if (!head || !head.conversion.submittedAt) return null;
  const voucherId = head.voucher.id;
  const [graph, events, submissions] = await Promise.all([
    loadVoucherGraph(db, voucherId),
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
    signatureHistory(db, conversionId, voucherId),
  ]);
  // The dossier recomputed now from the same rows, to compare with the one the family signed.
  const recomputed = dossierOf(head, graph).sha256;
  const validatedBy = new Map<string, { name: string; at: Date }>();
  for (const e of events) {
    const code = storedAfter('pes.validated', e.after).code;
    if (e.action === 'pes.validated' && typeof code === 'string')
      validatedBy.set(code, { name: [e.givenName, e.familyName].filter(Boolean).join(' '), at: e.at });
  }
  const pesList = graph.pes.map((p) => ({
    ...p,
    status: p.status as PesStatus,
    validation: validatedBy.get(p.code) ?? null,
  }));
  // The voucher's standard PES and this conversion's new PES: a later request after a rejection has its own file.
  const ownPes = pesList.filter((p) => p.kind === 'standard' || p.conversionId === conversionId);
  const forResidual: PesForResidual[] = ownPes.map((p) => ({
    kind: p.kind as PesForResidual['kind'],
    status: p.status,
    amountCents: p.amountCents,
    usedCents: p.usedCents,
  }));
  const signed = head.conversion.signature?.dossierSha256 ?? null;
  return {
    conversion: { ...head.conversion, status: head.conversion.status as ConversionStatus },
    voucher: head.voucher,
    holder: head.holder,
    decidedBy: head.decidedByName ? `${head.decidedByName} ${head.decidedBySurname}` : null,
    assignee:
      head.conversion.assignedTo && head.assigneeName
        ? { id: head.conversion.assignedTo, name: `${head.assigneeName} ${head.assigneeSurname}` }
        : null,
    children: graph.children,
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
