import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { documents, pes, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import type { PesStatus } from '@/lib/domain/state-machines';

// A deleted PES keeps its document for the office's record but can no longer change.
const DOCUMENT_CHANGEABLE: ReadonlySet<PesStatus> = new Set(['draft', 'rejected', 'awaiting_validation', 'validated']);

/** The family's summer PES whose agreed-PES PDF is being changed, with its current document (if any). */
export async function summerDocumentTarget(db: DbOrTx, holderId: string, voucherId: string, pesId: string) {
  const [row] = await db
    .select({ pes, documentId: documents.id, documentKey: documents.storageKey })
    .from(pes)
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .leftJoin(documents, eq(documents.pesId, pes.id))
    .where(and(eq(pes.id, pesId), eq(pes.voucherId, voucherId), eq(vouchers.holderId, holderId), eq(pes.kind, 'summer_covid')));
  if (!row) throw new AppError('not_found', 'Il P.E.S. non esiste o non è di questo buono.');
  if (!DOCUMENT_CHANGEABLE.has(row.pes.status)) throw new AppError('invalid_state', 'Il documento di questo P.E.S. non può più essere cambiato.');
  return row;
}

/** Changing the agreed PES of a pending or validated PES sends it back to draft: the provider validates it again. */
export function backToDraft(status: PesStatus): boolean {
  return status === 'awaiting_validation' || status === 'validated';
}
