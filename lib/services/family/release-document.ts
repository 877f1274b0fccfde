import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversionSubmissions, documents } from '@/db/schema';

type DossierDocuments = { newPes?: { code?: string; document?: { sha256?: string } | null }[] };

/**
 * The PES stops having this PDF. A PDF some signed submission of the conversion names (by PES code and
 * SHA-256) is evidence: the row is only detached and its blob kept, so the office can still verify and
 * download what was signed (issue 15, finding 4). Any other PDF is deleted; returns the storage key to
 * remove after commit, or null when the blob stays.
 */
export async function releaseDocument(
  tx: Tx,
  conversionId: string,
  pesCode: string,
  documentId: string,
  now: Date,
): Promise<string | null> {
  const [doc] = await tx
    .select({ sha256: documents.sha256, storageKey: documents.storageKey })
    .from(documents)
    .where(eq(documents.id, documentId));
  if (!doc) return null;
  const signed = await tx
    .select({ dossier: conversionSubmissions.dossier })
    .from(conversionSubmissions)
    .where(eq(conversionSubmissions.conversionId, conversionId));
  const named = signed.some((s) =>
    ((s.dossier as DossierDocuments).newPes ?? []).some((p) => p.code === pesCode && p.document?.sha256 === doc.sha256),
  );
  if (named) {
    await tx
      .update(documents)
      .set({ detachedAt: now })
      .where(and(eq(documents.id, documentId), isNull(documents.detachedAt)));
    return null;
  }
  await tx.delete(documents).where(eq(documents.id, documentId));
  return doc.storageKey;
}
