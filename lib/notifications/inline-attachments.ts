import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { conversionSubmissions, type InlineAttachment, type OutboxAttachment } from '@/db/schema';
import type { Dossier } from '@/lib/domain/dossier';
import { DEFAULT_LOCALE } from '@/lib/domain/locale';
import { renderReceiptPdf } from '@/lib/receipt/receipt-pdf';
import { receiptViewIn } from '@/lib/receipt/receipt-view-in';

/**
 * An outbox row's attachments as the sender needs them: a receipt reference becomes the PDF rendered
 * from its conversion_submissions row — the same stored view the receipt page and its download show,
 * so the e-mailed receipt is exactly what was signed, whenever it is delivered.
 */
export async function inlineAttachments(
  db: DbOrTx,
  attachments: OutboxAttachment[] | null,
): Promise<InlineAttachment[] | null> {
  if (!attachments?.length) return null;
  return Promise.all(
    attachments.map(async (a): Promise<InlineAttachment> => {
      if (!('receiptOfSubmission' in a)) return a;
      const [s] = await db
        .select()
        .from(conversionSubmissions)
        .where(eq(conversionSubmissions.id, a.receiptOfSubmission));
      if (!s) throw new Error('ricevuta non trovata');
      const locale = a.locale ?? DEFAULT_LOCALE;
      const pdf = await renderReceiptPdf(
        receiptViewIn(
          {
            protocolNumber: s.protocolNumber,
            submittedAt: s.submittedAt,
            dossierSha256: s.dossierSha256,
            dossier: s.dossier as Dossier,
            signature: s.signature,
          },
          locale,
        ),
        locale,
      );
      return { filename: a.filename, contentType: a.contentType, contentBase64: Buffer.from(pdf).toString('base64') };
    }),
  );
}
