import 'server-only';
import type { DbOrTx } from '@/db/open';
import { latestAuditEntry } from '@/db/queries/latest-audit-entry';
import { IMPORT_AUDIT, type ImportOutcome } from './import-outcome';

/**
 * The outcome of the clerk's latest import of the file with this SHA-256, read back from its audit
 * event: the page that shows it needs no state of its own and works after a plain form post and
 * redirect. Scoped to the clerk who imported it.
 */
export async function getVoucherImportOutcome(
  db: DbOrTx,
  actorId: string,
  sha256: string,
): Promise<(ImportOutcome & { at: Date }) | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const row = await latestAuditEntry(db, {
    entityType: 'voucher_import',
    entityId: sha256,
    actorId,
    actions: [IMPORT_AUDIT.completed, IMPORT_AUDIT.rejected],
  });
  return row ? { ...(row.after as ImportOutcome), at: row.at } : null;
}
