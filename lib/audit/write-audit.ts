import type { DbOrTx } from '@/db/open';
import { auditEvents } from '@/db/schema';
import type { AuditAction, AuditPayloads } from '@/lib/domain/audit-events';
import type { Actor } from '@/lib/auth/actor';

type AuditCommon = {
  actor: (Pick<Actor, 'userId' | 'role'> & Partial<Pick<Actor, 'ip' | 'requestId'>>) | null;
  entityId?: string | null;
  ip?: string | null;
  at?: Date;
};

/**
 * One event: the action names the entity type and the shape of before/after (lib/domain/audit-events.ts).
 * An action chosen at run time (`ok ? 'a' : 'b'`) makes `A` a union, and the entry must then fit one of
 * its members.
 */
export type AuditEntry<A extends AuditAction = AuditAction> = AuditCommon & AuditFields<A>;
/** The action with its entity type and payload, without who and when: for a use case's own audit helper. */
export type AuditFields<A extends AuditAction = AuditAction> = { [K in A]: { action: K } & AuditPayloads[K] }[A];

/** Call inside the use case's transaction: the event commits or rolls back with the change (M7). Never pass secrets. */
export async function writeAudit<A extends AuditAction>(tx: DbOrTx, e: AuditEntry<A>): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: e.actor?.userId ?? null,
    actorRole: e.actor?.role ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    before: 'before' in e ? (e.before ?? null) : null,
    after: 'after' in e ? (e.after ?? null) : null,
    ip: e.ip ?? e.actor?.ip ?? null,
    requestId: e.actor?.requestId ?? null,
    ...(e.at ? { at: e.at } : {}),
  });
}
