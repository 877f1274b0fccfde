import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { notificationOutbox } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { countNotificationAbandoned } from '@/lib/log/telemetry';
import { PermanentSendError, type Channel } from './sender-types';

export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * A failed attempt: retried with backoff, or given up — after the last attempt ('notification.abandoned'), or
 * at once when the provider refused the request itself ('notification.rejected': a retry would be refused
 * the same way). The office sees both in the audit log, without address or body: only what and why.
 */
export async function recordSendFailure(
  db: Db,
  m: { id: string; channel: Channel; subject: string; attempts: number },
  error: unknown,
  now: Date,
): Promise<void> {
  const refused = error instanceof PermanentSendError;
  const giveUp = refused || m.attempts >= MAX_ATTEMPTS;
  const lastError = (error instanceof Error ? error.message : 'errore').slice(0, 200);
  await db.transaction(async (tx) => {
    await tx
      .update(notificationOutbox)
      .set({
        status: giveUp ? 'failed' : 'pending',
        lockedUntil: null,
        nextAttemptAt: new Date(now.getTime() + backoffMs(m.attempts)),
        lastError,
        // An abandoned message's code or token is erased with it: nobody will ever send it.
        ...(giveUp ? { secrets: null, secretsExpireAt: null } : {}),
      })
      .where(eq(notificationOutbox.id, m.id));
    if (!giveUp) return;
    countNotificationAbandoned(m.channel);
    await writeAudit(tx, {
      actor: null,
      action: refused ? 'notification.rejected' : 'notification.abandoned',
      entityType: 'notification',
      entityId: m.id,
      // The subject of an e-mail names the procedure; an SMS carries a code and an IO message is the family's.
      after: { channel: m.channel, subject: m.channel === 'email' ? m.subject : null, attempts: m.attempts, lastError },
      at: now,
    });
  });
}
