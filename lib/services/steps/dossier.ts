// No 'server-only' here: the seed CLI (tsx, outside Next) computes the demo signatures with it.
import { createHash } from 'node:crypto';
import { asc, eq, inArray, ne, and } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, conversions, documents, pes, pesChildren, providers, users, vouchers } from '@/db/schema';

/**
 * What the family signs with the OTP: the voucher, the declared condition and the new PES with their
 * documents' hashes, in a canonical JSON whose SHA-256 is the signature's `dossierSha256`.
 * Statuses are left out on purpose: the office's decision (e.g. PES cancelled on rejection) must not
 * change what was signed, so the hash recomputed later still matches.
 *
 * Minimal implementation written by issue 10 so the office can recompute the hash; issue 9 owns this
 * file and its richer dossier replaces this one (same signature).
 */
export async function buildDossier(db: DbOrTx, conversionId: string): Promise<{ dossier: unknown; sha256: string }> {
  const [head] = await db
    .select({ conversion: conversions, voucherNumber: vouchers.number, holderCf: users.codiceFiscale })
    .from(conversions)
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .innerJoin(users, eq(users.id, vouchers.holderId))
    .where(eq(conversions.id, conversionId));
  if (!head) throw new Error('conversion not found');
  const newPes = await db
    .select({ id: pes.id, code: pes.code, kind: pes.kind, band: pes.band, hours: pes.hours, amountCents: pes.amountCents, provider: providers.code })
    .from(pes)
    .innerJoin(providers, eq(providers.id, pes.providerId))
    .where(and(eq(pes.conversionId, conversionId), ne(pes.status, 'deleted')))
    .orderBy(asc(pes.code));
  const ids = newPes.map((p) => p.id);
  const [kids, docs] = ids.length
    ? await Promise.all([
        db.select({ pesId: pesChildren.pesId, cf: children.codiceFiscale }).from(pesChildren).innerJoin(children, eq(children.id, pesChildren.childId)).where(inArray(pesChildren.pesId, ids)),
        db.select({ pesId: documents.pesId, sha256: documents.sha256 }).from(documents).where(inArray(documents.pesId, ids)),
      ])
    : [[], []];
  const dossier = {
    voucher: head.voucherNumber,
    holder: head.holderCf,
    employmentCondition: head.conversion.employmentCondition,
    pes: newPes.map((p) => ({
      code: p.code,
      kind: p.kind,
      band: p.band,
      hours: p.hours,
      amountCents: p.amountCents,
      provider: p.provider,
      children: kids.filter((k) => k.pesId === p.id).map((k) => k.cf).sort(),
      documents: docs.filter((d) => d.pesId === p.id).map((d) => d.sha256).sort(),
    })),
  };
  return { dossier, sha256: createHash('sha256').update(JSON.stringify(dossier)).digest('hex') };
}
