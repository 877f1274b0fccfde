import type { DbOrTx } from '@/db/open';
import { auditEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';

export type AuditEntry = {
  actor: Pick<Actor, 'userId' | 'role'> & Partial<Pick<Actor, 'ip' | 'requestId'>> | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
  at?: Date;
};

/** Call inside the use case's transaction: the event commits or rolls back with the change (M7). Never pass secrets. */
export async function writeAudit(tx: DbOrTx, e: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: e.actor?.userId ?? null,
    actorRole: e.actor?.role ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    ip: e.ip ?? e.actor?.ip ?? null,
    requestId: e.actor?.requestId ?? null,
    ...(e.at ? { at: e.at } : {}),
  });
}
