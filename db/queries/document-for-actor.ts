import 'server-only';
import { and, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { documents, pes, vouchers } from '@/db/schema';
import type { Actor } from '@/lib/domain/actor';
import { NOT_YET_ASKED } from './provider-pes';

/**
 * A document as its reader may see it (N2, F2): the family holding the voucher, the provider named on
 * the PES once asked to validate it, or the office. Anyone else gets null, exactly as for a document that does not exist.
 */
export async function documentForActor(db: DbOrTx, actor: Actor, documentId: string) {
  const scope =
    actor.role === 'family'
      ? eq(vouchers.holderId, actor.userId)
      : actor.role === 'provider' && actor.providerId
        ? // The same PES its dashboard shows: a draft or deleted PES is still the family's own business.
          and(eq(pes.providerId, actor.providerId), notInArray(pes.status, [...NOT_YET_ASKED]))
        : actor.role === 'office'
          ? undefined
          : null;
  if (scope === null) return null;
  const [row] = await db
    .select({
      id: documents.id,
      storageKey: documents.storageKey,
      fileName: documents.fileName,
      sizeBytes: documents.sizeBytes,
      sha256: documents.sha256,
    })
    .from(documents)
    .innerJoin(pes, eq(pes.id, documents.pesId))
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .where(and(eq(documents.id, documentId), scope));
  return row ?? null;
}
