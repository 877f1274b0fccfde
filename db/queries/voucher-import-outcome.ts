import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { auditEvents } from '@/db/schema';
import { IMPORT_AUDIT, type ImportOutcome } from '@/lib/import/import-outcome';

/**
 * The outcome of the clerk's latest import of the file with this SHA-256, read back from its audit
 * event (audit_events_entity_idx): the page that shows it needs no state of its own and works after
 * a plain form post and redirect. Scoped to the clerk who imported it.
 */
export async function getVoucherImportOutcome(db: DbOrTx, actorId: string, sha256: string): Promise<(ImportOutcome & { at: Date }) | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const [row] = await db
    .select({ after: auditEvents.after, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, 'voucher_import'),
        eq(auditEvents.entityId, sha256),
        eq(auditEvents.actorId, actorId),
        inArray(auditEvents.action, [IMPORT_AUDIT.completed, IMPORT_AUDIT.rejected]),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return row ? { ...(row.after as ImportOutcome), at: row.at } : null;
}
