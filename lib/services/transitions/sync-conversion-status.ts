import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { conversions, documents, pes } from '@/db/schema';
import { derivedConversionStatus } from '@/lib/domain/conversion-progress';
import { canTransition, CONVERSION_TRANSITIONS, type ConversionStatus } from '@/lib/domain/state-machines';

/** Moves an editable (or returned) conversion to the status its new PES imply; submitted/decided conversions are never touched. */
export async function syncConversionStatus(tx: Tx, conversionId: string, now: Date): Promise<ConversionStatus> {
  const [conv] = await tx
    .select({ status: conversions.status })
    .from(conversions)
    .where(eq(conversions.id, conversionId));
  const current = conv!.status;
  if (!['draft', 'awaiting_validation', 'ready_to_submit', 'returned'].includes(current)) return current;
  const rows = await tx
    .select({ id: pes.id, status: pes.status, kind: pes.kind })
    .from(pes)
    .where(eq(pes.conversionId, conversionId));
  const docs = rows.length
    ? await tx
        .select({ pesId: documents.pesId })
        .from(documents)
        .where(
          and(
            inArray(
              documents.pesId,
              rows.map((r) => r.id),
            ),
            isNull(documents.detachedAt),
          ),
        )
    : [];
  const withDocs = new Set(docs.map((d) => d.pesId));
  const target = derivedConversionStatus(
    rows.map((r) => ({ status: r.status, kind: r.kind, hasDocument: withDocs.has(r.id) })),
  );
  if (target === current || !canTransition(CONVERSION_TRANSITIONS, current, target)) return current;
  await tx
    .update(conversions)
    .set({ status: target, updatedAt: now })
    .where(and(eq(conversions.id, conversionId), eq(conversions.status, current)));
  return target;
}
