import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { inSpan } from '@/lib/log/telemetry';
import { isShuttingDown, trackWork } from '@/lib/ops/shutdown-state';
import { abandonExpiredSecrets } from './abandon-expired-secrets';
import { inlineAttachments } from './inline-attachments';
import { revealBody } from './outbox-secrets';
import { recordSendFailure } from './record-send-failure';
import { SEND_TIMEOUT_MS, senderFor, type Channel, type OutgoingMessage, type Sender } from './senders';

export { backoffMs, MAX_ATTEMPTS } from './record-send-failure';

/** A claimed row is ours for this long; each send times out well before (SEND_TIMEOUT_MS). */
export const LEASE_MS = 60_000;

type Options = { now?: Date; batch?: number; senders?: (channel: Channel) => Sender };

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
    channel: Channel;
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
    channel: Channel;
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
      const result = await inSpan(
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
          // Not allowed (App IO: the citizen turned this service off) is an answer, not a failure: never retried.
          status: result === 'not_allowed' ? 'not_allowed' : 'sent',
          sentAt: result === 'not_allowed' ? null : new Date(),
          deliveredVia: sender.name,
          lockedUntil: null,
          lastError: null,
          secrets: null,
          secretsExpireAt: null,
        })
        .where(and(eq(notificationOutbox.id, m.id), eq(notificationOutbox.status, 'pending')));
      if (result !== 'not_allowed') sent++;
    } catch (e) {
      failed++;
      await recordSendFailure(db, { id: m.id, channel: m.channel, subject: m.subject, attempts: r.attempts }, e, now);
    }
  }
  return { sent, failed };
}
