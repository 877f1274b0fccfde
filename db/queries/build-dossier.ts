import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, users, vouchers } from '@/db/schema';
import { canonicalDossier, dossierSha256, type Dossier } from '@/lib/domain/dossier';
import type { GatePes } from '@/lib/domain/submission-gate';
import { loadVoucherGraph, type VoucherGraph } from './voucher-graph';

type DossierHead = {
  conversion: typeof conversions.$inferSelect;
  voucher: { number: string; totalCents: number };
  holder: { givenName: string; familyName: string; codiceFiscale: string };
};

/**
 * The dossier a family signs, read from the database and put in canonical form (lib/domain/dossier.ts).
 * Fixed statement count whatever the number of PES. Call it inside the transaction that holds the
 * voucher lock when the hash is compared, so nothing changes between reading and signing. Null for an
 * unknown conversion.
 */
export async function buildDossier(
  db: DbOrTx,
  conversionId: string,
): Promise<{ dossier: Dossier; sha256: string; standardPes: GatePes[] } | null> {
  const [head] = await db
    .select({
      conversion: conversions,
      voucher: vouchers,
      holder: { givenName: users.givenName, familyName: users.familyName, codiceFiscale: users.codiceFiscale },
    })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .where(eq(conversions.id, conversionId));
  if (!head) return null;
  return dossierOf(head, await loadVoucherGraph(db, head.voucher.id));
}

/** The dossier of a conversion from its voucher's graph already read (the office file reads it once for both). */
export function dossierOf(
  head: DossierHead,
  graph: VoucherGraph,
): { dossier: Dossier; sha256: string; standardPes: GatePes[] } {
  const c = head.conversion;
  const dossier = canonicalDossier({
    conversionId: c.id,
    voucher: {
      number: head.voucher.number,
      totalCents: head.voucher.totalCents,
      holderName: `${head.holder.givenName} ${head.holder.familyName}`,
      holderCodiceFiscale: head.holder.codiceFiscale,
    },
    closedPes: graph.pes
      .filter((p) => p.kind === 'standard' && p.status === 'closed' && p.usedCents !== null)
      .map((p) => ({
        code: p.code,
        providerName: p.providerName,
        amountCents: p.amountCents,
        usedCents: p.usedCents!,
      })),
    newPes: graph.pes
      .filter((p) => p.conversionId === c.id)
      .map((p) => ({
        code: p.code,
        kind: p.kind,
        band: p.band,
        providerName: p.providerName,
        hours: p.hours,
        amountCents: p.amountCents,
        hourlyRateCents: p.hourlyRateCents,
        status: p.status,
        children: p.children.map((k) => ({ name: `${k.givenName} ${k.familyName}`, codiceFiscale: k.codiceFiscale })),
        document: p.document
          ? { fileName: p.document.fileName, sizeBytes: p.document.sizeBytes, sha256: p.document.sha256 }
          : null,
      })),
    declarations: {
      employmentCondition: c.employmentCondition,
      statements: c.declarations,
      employerConfirmed: c.employerConfirmedAt !== null,
    },
  });
  // Not signed, but read with it: the submission gate needs the closings still pending (submission-gate.ts).
  const standardPes = graph.pes
    .filter((p) => p.kind === 'standard')
    .map((p) => ({ code: p.code, kind: p.kind, status: p.status, providerName: p.providerName, hasDocument: false }));
  return { dossier, sha256: dossierSha256(dossier), standardPes };
}
