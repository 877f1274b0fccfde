import 'server-only';
import type { Db } from '@/db/open';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { fileStorage, type FileStorage } from '@/lib/storage/file-storage';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';
import { releaseDocument } from './release-document';
import { lockSummerDocumentTarget, sendBackToDraft } from './summer-document-target';
import { log } from '@/lib/log/logger';

/**
 * Elimina (guide §3.3): the PES loses its PDF (and goes back to draft if it was pending or validated); the
 * blob goes after commit, unless a signed submission names it (release-document.ts).
 */
export async function removeSummerDocument(
  db: Db,
  actor: Actor,
  input: { voucherId: string; pesId: string },
  deps: { storage?: FileStorage; now?: Date } = {},
) {
  const now = deps.now ?? new Date();
  const removed = await db.transaction(async (tx) => {
    const { voucher, conversion, target } = await lockSummerDocumentTarget(
      tx,
      actor.userId,
      input.voucherId,
      input.pesId,
    );
    if (!target.documentId) throw refusal('invalid_state', 'noDocument');
    const key = await releaseDocument(tx, conversion.id, target.pes.code, target.documentId, now);
    const reset = await sendBackToDraft(tx, target.pes, now);
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
    return { code: target.pes.code, key };
  });
  if (removed.key)
    await (deps.storage ?? fileStorage(db))
      .remove(removed.key)
      .catch(() => log.error('documents: removed blob not deleted'));
  return { code: removed.code };
}
