import 'server-only';
import { and, isNotNull, isNull, lt, lte, or, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { notificationOutbox } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';

const EXPIRED = 'il codice o il collegamento è scaduto prima dell’invio';

/**
 * A code or link past its validity opens nothing: a message still waiting to carry one (provider down, in
 * backoff) is abandoned and its sealed secret erased in the same statement, and audited like any message
 * given up on. Leased rows are left to the dispatcher holding them.
 */
export async function abandonExpiredSecrets(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const abandoned = await tx
      .update(notificationOutbox)
      .set({ status: 'failed', secrets: null, secretsExpireAt: null, lockedUntil: null, lastError: EXPIRED })
      .where(
        and(
          eq(notificationOutbox.status, 'pending'),
          isNotNull(notificationOutbox.secrets),
          lte(notificationOutbox.secretsExpireAt, now),
          or(isNull(notificationOutbox.lockedUntil), lt(notificationOutbox.lockedUntil, now)),
        ),
      )
      .returning({
        id: notificationOutbox.id,
        channel: notificationOutbox.channel,
        subject: notificationOutbox.subject,
        attempts: notificationOutbox.attempts,
      });
    for (const m of abandoned) {
      await writeAudit(tx, {
        actor: null,
        action: 'notification.abandoned',
        entityType: 'notification',
        entityId: m.id,
        after: {
          channel: m.channel,
          subject: m.channel === 'email' ? m.subject : null,
          attempts: m.attempts,
          lastError: EXPIRED,
        },
        at: now,
      });
    }
  });
}
