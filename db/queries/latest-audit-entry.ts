import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { auditEvents } from '@/db/schema';

/**
 * The newest audit event of one actor on one entity among `actions` (audit_events_entity_idx), as
 * stored: the caller knows the shape of its `after`.
 */
export async function latestAuditEntry(
  db: DbOrTx,
  q: { entityType: string; entityId: string; actorId: string; actions: readonly string[] },
) {
  const [row] = await db
    .select({ after: auditEvents.after, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, q.entityType),
        eq(auditEvents.entityId, q.entityId),
        eq(auditEvents.actorId, q.actorId),
        inArray(auditEvents.action, [...q.actions]),
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(1);
  return row ?? null;
}
