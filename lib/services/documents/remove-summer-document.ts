import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { documents, pes } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { fileStorage, type FileStorage } from '@/lib/storage/file-storage';
import { ensureConversion, lockFamilyVoucher } from '../steps/lock-voucher';
import { syncConversionStatus } from '../steps/sync-conversion-status';
import { backToDraft, summerDocumentTarget } from './summer-document-target';

/** Elimina (guide §3.3): the PES loses its PDF (and goes back to draft if it was pending or validated); the blob goes after commit. */
export async function removeSummerDocument(db: Db, actor: Actor, input: { voucherId: string; pesId: string }, deps: { storage?: FileStorage; now?: Date } = {}) {
  const now = deps.now ?? new Date();
  const removed = await db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status)) throw new AppError('invalid_state', 'La modifica PES è già stata inviata: il documento non può più essere cambiato.');
    const target = await summerDocumentTarget(tx, actor.userId, voucher.id, input.pesId);
    if (!target.documentId) throw new AppError('invalid_state', 'Questo P.E.S. non ha un documento caricato.');
    await tx.delete(documents).where(eq(documents.id, target.documentId));
    const reset = backToDraft(target.pes.status);
    if (reset) {
      const moved = await tx
        .update(pes)
        .set({ status: 'draft', validationRequestedAt: null, decidedAt: null, updatedAt: now })
        .where(and(eq(pes.id, target.pes.id), eq(pes.status, target.pes.status)))
        .returning({ id: pes.id });
      if (moved.length !== 1) throw new AppError('conflict');
    }
    await writeAudit(tx, {
      actor,
      action: 'document.removed',
      entityType: 'voucher',
      entityId: voucher.id,
      before: { pesId: target.pes.id, code: target.pes.code, documentId: target.documentId, status: target.pes.status },
      after: { pesId: target.pes.id, code: target.pes.code, status: reset ? 'draft' : target.pes.status },
      at: now,
    });
    await syncConversionStatus(tx, conversion.id, now);
    return { code: target.pes.code, key: target.documentKey! };
  });
  await (deps.storage ?? fileStorage()).remove(removed.key).catch(() => console.error('[documents] removed blob not deleted'));
  return { code: removed.code };
}
