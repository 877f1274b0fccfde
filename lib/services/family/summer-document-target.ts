import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/open';
import { conversions, documents, pes, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { refusal } from '@/lib/i18n/refusal';
import { isConversionEditable, type PesStatus } from '@/lib/domain/state-machines';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';

// A deleted PES keeps its document for the office's record but can no longer change.
const DOCUMENT_CHANGEABLE: ReadonlySet<PesStatus> = new Set(['draft', 'rejected', 'awaiting_validation', 'validated']);

/** The family's summer PES whose agreed-PES PDF is being changed, with its current document (if any). */
export async function summerDocumentTarget(db: DbOrTx, holderId: string, voucherId: string, pesId: string) {
  const [row] = await db
    .select({ pes, documentId: documents.id })
    .from(pes)
    .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
    .leftJoin(documents, and(eq(documents.pesId, pes.id), isNull(documents.detachedAt)))
    .where(
      and(
        eq(pes.id, pesId),
        eq(pes.voucherId, voucherId),
        eq(vouchers.holderId, holderId),
        eq(pes.kind, 'summer_covid'),
      ),
    );
  if (!row) throw refusal('not_found', 'documentPesNotFound');
  if (!DOCUMENT_CHANGEABLE.has(row.pes.status)) throw refusal('invalid_state', 'documentLocked');
  return row;
}

/**
 * The cheap checks of an upload, run before its bytes are parsed (checkPdf is costly): the voucher and PES
 * are the family's, the voucher still open, the conversion still editable. Without locks: the transaction
 * checks all of it again under the voucher lock.
 */
export async function assertSummerDocumentChangeable(db: DbOrTx, holderId: string, voucherId: string, pesId: string) {
  await summerDocumentTarget(db, holderId, voucherId, pesId);
  const [row] = await db
    .select({ voucherStatus: vouchers.status, conversionStatus: conversions.status })
    .from(vouchers)
    .innerJoin(pes, eq(pes.voucherId, vouchers.id))
    .leftJoin(conversions, eq(conversions.id, pes.conversionId))
    .where(and(eq(vouchers.id, voucherId), eq(pes.id, pesId)));
  if (row?.voucherStatus !== 'assigned') throw refusal('invalid_state', 'voucherClosed');
  if (row.conversionStatus && !isConversionEditable(row.conversionStatus)) {
    throw refusal('invalid_state', 'documentAfterSubmission');
  }
}

/**
 * Both document use cases start here, inside their transaction: the voucher locked (lock order voucher →
 * conversion → PES), the conversion still editable, and the summer PES with its current document.
 */
export async function lockSummerDocumentTarget(tx: Tx, holderId: string, voucherId: string, pesId: string) {
  const voucher = await lockFamilyVoucher(tx, holderId, voucherId);
  const conversion = await ensureConversion(tx, voucher.id);
  if (!isConversionEditable(conversion.status)) throw refusal('invalid_state', 'documentAfterSubmission');
  const target = await summerDocumentTarget(tx, holderId, voucher.id, pesId);
  return { voucher, conversion, target };
}

/**
 * Changing the agreed PES of a pending or validated PES sends it back to draft: the provider validates it
 * again. Conditional on the status read under the lock; returns whether it moved.
 */
export async function sendBackToDraft(tx: Tx, row: { id: string; status: PesStatus }, now: Date): Promise<boolean> {
  if (row.status !== 'awaiting_validation' && row.status !== 'validated') return false;
  const moved = await tx
    .update(pes)
    .set({ status: 'draft', validationRequestedAt: null, decidedAt: null, updatedAt: now })
    .where(and(eq(pes.id, row.id), eq(pes.status, row.status)))
    .returning({ id: pes.id });
  if (moved.length !== 1) throw new AppError('conflict');
  return true;
}
