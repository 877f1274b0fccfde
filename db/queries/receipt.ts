import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversions, conversionSubmissions, vouchers } from '@/db/schema';
import type { Dossier } from '@/lib/domain/dossier';
import type { ReceiptInput } from '@/lib/domain/receipt';

/** Who may read a receipt: the voucher's holder, or the office. There is no unscoped variant. */
export type ReceiptScope = { role: 'family'; holderId: string } | { role: 'office' };

/**
 * The latest signed submission of the voucher's conversion, what the receipt shows (in the reader's language:
 * lib/receipt/receipt-view-in.ts); null if none or not in scope. `conversionId` narrows it to one conversion: a
 * voucher whose first request was rejected and a second one signed has two receipts, and the office's file of
 * the first must show the first.
 */
export async function getReceipt(
  db: DbOrTx,
  scope: ReceiptScope,
  voucherId: string,
  conversionId?: string,
): Promise<{ voucherNumber: string; input: ReceiptInput } | null> {
  const [row] = await db
    .select({ voucherNumber: vouchers.number, submission: conversionSubmissions })
    .from(conversionSubmissions)
    .innerJoin(conversions, eq(conversions.id, conversionSubmissions.conversionId))
    .innerJoin(vouchers, eq(vouchers.id, conversions.voucherId))
    .where(
      and(
        eq(vouchers.id, voucherId),
        conversionId ? eq(conversions.id, conversionId) : undefined,
        scope.role === 'family' ? eq(vouchers.holderId, scope.holderId) : undefined,
      ),
    )
    .orderBy(desc(conversionSubmissions.submittedAt))
    .limit(1);
  if (!row) return null;
  const s = row.submission;
  return {
    voucherNumber: row.voucherNumber,
    input: {
      protocolNumber: s.protocolNumber,
      submittedAt: s.submittedAt,
      dossierSha256: s.dossierSha256,
      dossier: s.dossier as Dossier,
      signature: s.signature,
    },
  };
}
