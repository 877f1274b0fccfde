import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { countNotificationAbandoned, inSpan } from '@/lib/log/telemetry';
import { isShuttingDown, trackWork } from '@/lib/ops/shutdown-state';
import { abandonExpiredSecrets } from './abandon-expired-secrets';
import { inlineAttachments } from './inline-attachments';
import { revealBody } from './outbox-secrets';
import { SEND_TIMEOUT_MS, senderFor, type OutgoingMessage, type Sender } from './senders';

export const MAX_ATTEMPTS = 8;
/** A claimed row is ours for this long; each send times out well before (SEND_TIMEOUT_MS). */
export const LEASE_MS = 60_000;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Options = { now?: Date; batch?: number; senders?: (channel: 'email' | 'sms') => Sender };

/**
 * Delivers due messages after commit. Rows are claimed with SKIP LOCKED and a lease,
 * so concurrent dispatchers (several app instances) never pick the same message.
 * A shutting-down instance claims nothing; a run in progress finishes the message it is sending
 * and releases the rest at once (R2), and the shutdown waits for it before closing the database.
 */
export function dispatchOutbox(db: Db, opts: Options = {}): Promise<{ sent: number; failed: number }> {
  if (isShuttingDown()) return Promise.resolve({ sent: 0, failed: 0 });
  return trackWork(dispatch(db, opts));
}

async function dispatch(db: Db, opts: Options): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? new Date();
  const pick = opts.senders ?? senderFor;
  const lease = new Date(now.getTime() + LEASE_MS);
  const started = Date.now();
  await abandonExpiredSecrets(db, now);
  const claimed = await db.execute<{
    id: string;
    channel: 'email' | 'sms';
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attachments: OutboxAttachment[] | null;
    secrets: string | null;
    secrets_expire_at: string | Date | null;
    attempts: number;
  }>(sql`
    update ${notificationOutbox} set locked_until = ${lease.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${notificationOutbox}
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by created_at limit ${opts.batch ?? 25}
      for update skip locked)
    returning id, channel, recipient, subject, text_body, html_body, attachments, secrets, secrets_expire_at, attempts`);
  const rows = Array.isArray(claimed) ? claimed : (claimed as unknown as { rows: typeof claimed }).rows;
  let sent = 0;
  let failed = 0;
  const claimedRows = rows as unknown as Array<{
    id: string;
    channel: 'email' | 'sms';
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attachments: OutboxAttachment[] | null;
    secrets: string | null;
    secrets_expire_at: string | Date | null;
    attempts: number;
  }>;
  for (const [i, r] of claimedRows.entries()) {
    // Never send past the lease: another dispatcher may claim the row then. Release the rest untouched
    // (also when this instance is shutting down: another instance sends them without waiting for the lease).
    if (isShuttingDown() || Date.now() - started + SEND_TIMEOUT_MS > LEASE_MS - 5_000) {
      const rest = claimedRows.slice(i).map((x) => x.id);
      await db
        .update(notificationOutbox)
        .set({ lockedUntil: null, attempts: sql`${notificationOutbox.attempts} - 1` })
        .where(and(inArray(notificationOutbox.id, rest), eq(notificationOutbox.status, 'pending')));
      break;
    }
    const m: OutgoingMessage = {
      id: r.id,
      channel: r.channel,
      recipient: r.recipient,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      attachments: null,
    };
    const sender = pick(m.channel);
    try {
      // The code or token goes back into the body only here, in memory, for the provider.
      if (r.secrets) {
        m.textBody = revealBody(r.text_body, r.id, r.secrets);
        m.htmlBody = r.html_body === null ? null : revealBody(r.html_body, r.id, r.secrets);
        m.secretUntil = r.secrets_expire_at ? new Date(r.secrets_expire_at) : null;
      }
      // A receipt is rendered here, after the submission committed (a failure is a failed attempt, retried).
      m.attachments = await inlineAttachments(db, r.attachments);
      await inSpan(
        'outbox deliver',
        {
          'bsp.outbox.id': m.id,
          'bsp.outbox.channel': m.channel,
          'bsp.outbox.sender': sender.name,
          'bsp.outbox.attempt': r.attempts,
        },
        () => sender.send(m),
      );
      await db
        .update(notificationOutbox)
        .set({
          status: 'sent',
          sentAt: new Date(),
          deliveredVia: sender.name,
          lockedUntil: null,
          lastError: null,
          secrets: null,
          secretsExpireAt: null,
        })
        .where(and(eq(notificationOutbox.id, m.id), eq(notificationOutbox.status, 'pending')));
      sent++;
    } catch (e) {
      failed++;
      const giveUp = r.attempts >= MAX_ATTEMPTS;
      const lastError = (e instanceof Error ? e.message : 'errore').slice(0, 200);
      await db.transaction(async (tx) => {
        await tx
          .update(notificationOutbox)
          .set({
            status: giveUp ? 'failed' : 'pending',
            lockedUntil: null,
            nextAttemptAt: new Date(now.getTime() + backoffMs(r.attempts)),
            lastError,
            // An abandoned message's code or token is erased with it: nobody will ever send it.
            ...(giveUp ? { secrets: null, secretsExpireAt: null } : {}),
          })
          .where(eq(notificationOutbox.id, m.id));
        // The office sees undelivered messages in the audit log (no address or body: only what and why).
        if (giveUp) {
          countNotificationAbandoned(m.channel);
          await writeAudit(tx, {
            actor: null,
            action: 'notification.abandoned',
            entityType: 'notification',
            entityId: m.id,
            after: {
              channel: m.channel,
              subject: m.channel === 'email' ? m.subject : null,
              attempts: r.attempts,
              lastError,
            },
            at: now,
          });
        }
      });
    }
  }
  return { sent, failed };
}
