import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@/db/open';
import { documents } from '@/db/schema';
import { refusal } from '@/lib/i18n/refusal';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { checkPdf, safePdfName } from '@/lib/storage/check-pdf';
import { fileStorage, type FileStorage } from '@/lib/storage/file-storage';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';
import { releaseDocument } from './release-document';
import { assertSummerDocumentChangeable, lockSummerDocumentTarget, sendBackToDraft } from './summer-document-target';
import { log } from '@/lib/log/logger';

/**
 * carica / Sostituisci (guide §3.3): the agreed-PES PDF of one summer PES. The bytes are checked first
 * (nothing is stored when refused), written to storage OUTSIDE the transaction under a random key, then
 * recorded in one transaction that swaps the PES's one current document. If that transaction fails the
 * new blob is removed; the replaced blob is removed only after commit, and never when a signed submission
 * names it (release-document.ts).
 */
export async function attachSummerDocument(
  db: Db,
  actor: Actor,
  input: { voucherId: string; pesId: string; fileName: string; bytes: Uint8Array },
  deps: { storage?: FileStorage; now?: Date } = {},
) {
  const storage = deps.storage ?? fileStorage(db);
  const now = deps.now ?? new Date();
  // Ownership and status before the bytes are parsed (checkPdf is costly): a stranger's upload costs a query.
  await assertSummerDocumentChangeable(db, actor.userId, input.voucherId, input.pesId);
  const check = await checkPdf(input.bytes);
  if (!check.ok) {
    const said = { key: `pdf_${check.reason}` } as const;
    throw refusal('invalid_input', said.key, undefined, { file: said });
  }

  const key = `documents/${randomUUID()}`;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const fileName = safePdfName(input.fileName);
  await storage.put(key, input.bytes);
  let result: { documentId: string; code: string; replacedKey: string | null; backToDraft: boolean };
  try {
    result = await db.transaction(async (tx) => {
      const { voucher, conversion, target } = await lockSummerDocumentTarget(
        tx,
        actor.userId,
        input.voucherId,
        input.pesId,
      );
      const replacedKey = target.documentId
        ? await releaseDocument(tx, conversion.id, target.pes.code, target.documentId, now)
        : null;
      const [doc] = await tx
        .insert(documents)
        .values({
          pesId: target.pes.id,
          storageKey: key,
          fileName,
          sizeBytes: input.bytes.byteLength,
          sha256,
          uploadedBy: actor.userId,
          createdAt: now,
        })
        .returning({ id: documents.id });
      const reset = await sendBackToDraft(tx, target.pes, now);
      await writeAudit(tx, {
        actor,
        action: target.documentId ? 'document.replaced' : 'document.uploaded',
        entityType: 'voucher',
        entityId: voucher.id,
        before: reset ? { pesId: target.pes.id, code: target.pes.code, status: target.pes.status } : null,
        after: {
          pesId: target.pes.id,
          code: target.pes.code,
          documentId: doc!.id,
          fileName,
          sizeBytes: input.bytes.byteLength,
          sha256,
          ...(reset ? { status: 'draft' } : {}),
        },
        at: now,
      });
      await syncConversionStatus(tx, conversion.id, now);
      return { documentId: doc!.id, code: target.pes.code, replacedKey, backToDraft: reset };
    });
  } catch (e) {
    await storage.remove(key).catch(() => log.error('documents: orphaned blob not removed'));
    throw e;
  }
  if (result.replacedKey)
    await storage.remove(result.replacedKey).catch(() => log.error('documents: replaced blob not removed'));
  return {
    documentId: result.documentId,
    code: result.code,
    fileName,
    sizeBytes: input.bytes.byteLength,
    sha256,
    backToDraft: result.backToDraft,
  };
}
