import { getDb } from '@/db';
import { getReceipt } from '@/db/queries/receipt';
import { writeAudit } from '@/lib/audit/write-audit';
import { currentActor } from '@/lib/auth/current-actor';
import { requestLocale } from '@/lib/i18n/request-locale';
import { renderReceiptPdf } from '@/lib/receipt/receipt-pdf';
import { receiptViewIn } from '@/lib/receipt/receipt-view-in';
import { idSchema } from '@/lib/validation/ids';

export const dynamic = 'force-dynamic';

const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/** The receipt PDF, made on demand from the signed dossier: only the voucher's family and the office may download it. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return new Response('Accesso richiesto.', { status: 401, headers: PRIVATE });
  const { id } = await params;
  // ?pratica=<conversion id>: the receipt of that one request of the voucher (the office's file links it).
  const pratica = new URL(req.url).searchParams.get('pratica');
  const db = await getDb();
  const scope =
    actor.role === 'family'
      ? ({ role: 'family', holderId: actor.userId } as const)
      : actor.role === 'office'
        ? ({ role: 'office' } as const)
        : null;
  const valid = idSchema.safeParse(id).success && (pratica === null || idSchema.safeParse(pratica).success);
  const receipt = scope && valid ? await getReceipt(db, scope, id, pratica ?? undefined) : null;
  if (!receipt) {
    await writeAudit(db, {
      actor,
      action: 'access.denied',
      entityType: 'receipt',
      entityId: idSchema.safeParse(id).success ? id : null,
    }).catch(() => undefined);
    return new Response('Ricevuta non trovata.', { status: 404, headers: PRIVATE });
  }
  // The family's language for the family, Italian for the office (requestLocale: staff always read Italian).
  const locale = await requestLocale();
  const view = receiptViewIn(receipt.input, locale);
  const pdf = await renderReceiptPdf(view, locale);
  return new Response(Buffer.from(pdf), {
    headers: {
      ...PRIVATE,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="ricevuta-${view.protocolNumber}.pdf"`,
      'Content-Length': String(pdf.byteLength),
    },
  });
}
