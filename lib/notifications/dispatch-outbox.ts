import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { senderFor, type OutgoingMessage, type Sender } from './senders';

export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type Options = { now?: Date; batch?: number; senders?: (channel: 'email' | 'sms') => Sender };

/**
 * Delivers due messages after commit. Rows are claimed with SKIP LOCKED and a lease,
 * so concurrent dispatchers (several app instances) never pick the same message.
 */
export async function dispatchOutbox(db: Db, opts: Options = {}): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? new Date();
  const pick = opts.senders ?? senderFor;
  const lease = new Date(now.getTime() + 60_000);
  const claimed = await db.execute<{
    id: string;
    channel: 'email' | 'sms';
    recipient: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attachments: OutboxAttachment[] | null;
    attempts: number;
  }>(sql`
    update ${notificationOutbox} set locked_until = ${lease.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (
      select id from ${notificationOutbox}
      where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
        and (locked_until is null or locked_until < ${now.toISOString()}::timestamptz)
      order by created_at limit ${opts.batch ?? 25}
      for update skip locked)
    returning id, channel, recipient, subject, text_body, html_body, attachments, attempts`);
  const rows = Array.isArray(claimed) ? claimed : (claimed as unknown as { rows: typeof claimed }).rows;
  let sent = 0;
  let failed = 0;
  for (const r of rows as unknown as Array<{ id: string; channel: 'email' | 'sms'; recipient: string; subject: string; text_body: string; html_body: string | null; attachments: OutboxAttachment[] | null; attempts: number }>) {
    const m: OutgoingMessage = { id: r.id, channel: r.channel, recipient: r.recipient, subject: r.subject, textBody: r.text_body, htmlBody: r.html_body, attachments: r.attachments };
    const sender = pick(m.channel);
    try {
      await sender.send(m);
      await db
        .update(notificationOutbox)
        .set({ status: 'sent', sentAt: new Date(), deliveredVia: sender.name, lockedUntil: null, lastError: null })
        .where(and(eq(notificationOutbox.id, m.id), eq(notificationOutbox.status, 'pending')));
      sent++;
    } catch (e) {
      failed++;
      const giveUp = r.attempts >= MAX_ATTEMPTS;
      await db
        .update(notificationOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoffMs(r.attempts)),
          lastError: (e instanceof Error ? e.message : 'errore').slice(0, 200),
        })
        .where(eq(notificationOutbox.id, m.id));
    }
  }
  return { sent, failed };
}
