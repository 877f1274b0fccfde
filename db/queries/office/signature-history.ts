import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversionSubmissions, documents, pes } from '@/db/schema';
import { dossierSha256 } from '@/lib/domain/dossier';

type SignedDossier = {
  newPes?: { code?: string; document?: { fileName?: string; sizeBytes?: number; sha256?: string } | null }[];
};

export type SignedSubmission = Awaited<ReturnType<typeof signatureHistory>>[number];

/**
 * Every OTP signature of a conversion, oldest first, each checked on its own: the dossier it stored still
 * hashes to what was signed, and every PDF it names (PES code + SHA-256 + size) is still stored, current
 * or detached by a later replacement (issue 15, finding 4). Each named PDF is linked for download.
 */
export async function signatureHistory(db: DbOrTx, conversionId: string, voucherId: string) {
  const [rows, docs] = await Promise.all([
    db
      .select()
      .from(conversionSubmissions)
      .where(eq(conversionSubmissions.conversionId, conversionId))
      .orderBy(asc(conversionSubmissions.submittedAt), asc(conversionSubmissions.id)),
    db
      .select({
        id: documents.id,
        code: pes.code,
        fileName: documents.fileName,
        sizeBytes: documents.sizeBytes,
        sha256: documents.sha256,
      })
      .from(documents)
      .innerJoin(pes, eq(pes.id, documents.pesId))
      .where(eq(pes.voucherId, voucherId))
      .orderBy(asc(documents.createdAt)),
  ]);
  return rows.map((s) => {
    const named = ((s.dossier as SignedDossier).newPes ?? []).flatMap((p) =>
      p.document && p.code ? [{ code: p.code, ...p.document }] : [],
    );
    const documentsSigned = named.map((d) => ({
      code: d.code,
      fileName: d.fileName ?? '',
      sha256: d.sha256 ?? '',
      documentId:
        docs.find((x) => x.code === d.code && x.sha256 === d.sha256 && x.sizeBytes === d.sizeBytes)?.id ?? null,
    }));
    const recomputedSha256 = dossierSha256(s.dossier);
    return {
      id: s.id,
      protocolNumber: s.protocolNumber,
      submittedAt: s.submittedAt,
      signature: s.signature,
      signedSha256: s.dossierSha256,
      recomputedSha256,
      documents: documentsSigned,
      matches:
        recomputedSha256 === s.dossierSha256 &&
        s.signature.dossierSha256 === s.dossierSha256 &&
        documentsSigned.every((d) => d.documentId !== null),
    };
  });
}
