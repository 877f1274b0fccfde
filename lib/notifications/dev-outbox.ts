import 'server-only';
import type { DbOrTx } from '@/db/open';
import { listOutbox } from '@/db/queries/list-outbox';
import type { Actor } from '@/lib/auth/actor';
import { deliveredBody } from './dev-delivered';
import { revealedOutboxBodies } from './outbox-secrets';

export type DevOutboxMessage = Awaited<ReturnType<typeof listOutbox>>[number] & { body: string };

/**
 * The development mailbox as `actor` may read it: nothing for a visitor who is not signed in (a demo is
 * public), their own messages for a family or a provider's clerk, every message for the office. A code or
 * link shows while the message waits, or when this process's development sink delivered it and it is still
 * valid; otherwise the redacted body the database keeps.
 */
export async function devOutboxFor(
  db: DbOrTx,
  actor: Actor | null,
  now = new Date(),
): Promise<DevOutboxMessage[] | null> {
  if (!actor) return null;
  const rows = await listOutbox(db, { userId: actor.userId, role: actor.role });
  return rows.map((m) => {
    let body: string;
    try {
      body = (!m.secrets && deliveredBody(m.id, now)) || revealedOutboxBodies(m).textBody;
    } catch {
      // Sealed with another key (AUTH_SECRET changed): show the message without its code.
      body = revealedOutboxBodies({ ...m, secrets: null }).textBody;
    }
    return { ...m, body };
  });
}
