import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, conversions, documents, pes, pesChildren, providers, users, vouchers } from '@/db/schema';
import { canonicalDossier, dossierSha256, type Dossier } from '@/lib/domain/dossier';
import type { GatePes } from '@/lib/domain/submission-gate';

/**
 * The dossier a family signs, read from the database and put in canonical form (lib/domain/dossier.ts).
 * Fixed statement count whatever the number of PES. Call it inside the transaction that holds the
 * voucher lock when the hash is compared, so nothing changes between reading and signing. Null for an
 * unknown conversion.
 */
export async function buildDossier(db: DbOrTx, conversionId: string): Promise<{ dossier: Dossier; sha256: string; standardPes: GatePes[] } | null> {
  const [head] = await db
    .select({ conversion: conversions, voucher: vouchers, holder: { givenName: users.givenName, familyName: users.familyName, codiceFiscale: users.codiceFiscale } })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .where(eq(conversions.id, conversionId));
  if (!head) return null;
  const voucherId = head.voucher.id;
  const [rows, links, docs] = await Promise.all([
    db
      .select({ pes, providerName: providers.name })
      .from(pes)
      .innerJoin(providers, eq(providers.id, pes.providerId))
      .where(eq(pes.voucherId, voucherId))
      .orderBy(asc(pes.code)),
    db
      .select({ pesId: pesChildren.pesId, givenName: children.givenName, familyName: children.familyName, codiceFiscale: children.codiceFiscale })
      .from(pesChildren)
      .innerJoin(children, eq(children.id, pesChildren.childId))
      .where(eq(children.voucherId, voucherId)),
    db
      .select({ pesId: documents.pesId, fileName: documents.fileName, sizeBytes: documents.sizeBytes, sha256: documents.sha256 })
      .from(documents)
      .innerJoin(pes, eq(pes.id, documents.pesId))
      .where(and(eq(pes.voucherId, voucherId), isNull(documents.detachedAt)))
      .orderBy(asc(documents.createdAt)),
  ]);
  const c = head.conversion;
  const dossier = canonicalDossier({
    conversionId: c.id,
    voucher: {
      number: head.voucher.number,
      totalCents: head.voucher.totalCents,
      holderName: `${head.holder.givenName} ${head.holder.familyName}`,
      holderCodiceFiscale: head.holder.codiceFiscale,
    },
    closedPes: rows
      .filter((r) => r.pes.kind === 'standard' && r.pes.status === 'closed' && r.pes.usedCents !== null)
      .map((r) => ({ code: r.pes.code, providerName: r.providerName, amountCents: r.pes.amountCents, usedCents: r.pes.usedCents! })),
    newPes: rows
      .filter((r) => r.pes.conversionId === c.id)
      .map((r) => {
        // One agreed PDF per summer PES; if a replace ever left two, the latest is the one signed.
        const doc = docs.filter((d) => d.pesId === r.pes.id).at(-1);
        return {
          code: r.pes.code,
          kind: r.pes.kind,
          band: r.pes.band,
          providerName: r.providerName,
          hours: r.pes.hours,
          amountCents: r.pes.amountCents,
          hourlyRateCents: r.pes.hourlyRateCents,
          status: r.pes.status,
          children: links.filter((l) => l.pesId === r.pes.id).map((l) => ({ name: `${l.givenName} ${l.familyName}`, codiceFiscale: l.codiceFiscale })),
          document: doc ? { fileName: doc.fileName, sizeBytes: doc.sizeBytes, sha256: doc.sha256 } : null,
        };
      }),
    declarations: { employmentCondition: c.employmentCondition, statements: c.declarations, employerConfirmed: c.employerConfirmedAt !== null },
  });
  // Not signed, but read with it: the submission gate needs the closings still pending (submission-gate.ts).
  const standardPes = rows
    .filter((r) => r.pes.kind === 'standard')
    .map((r) => ({ code: r.pes.code, kind: r.pes.kind, status: r.pes.status, providerName: r.providerName, hasDocument: false }));
  return { dossier, sha256: dossierSha256(dossier), standardPes };
}
