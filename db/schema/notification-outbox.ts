import { sql } from 'drizzle-orm';
import type { Locale } from '@/lib/domain/locale';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file sent with an e-mail, kept in the row, so a retry sends the same bytes. */
export type InlineAttachment = { filename: string; contentType: string; contentBase64: string };
/**
 * The receipt PDF of a conversion_submissions row, rendered by the dispatcher at delivery from that
 * row (the stored dossier, protocol and signature the receipt page also reads), so a submission does
 * not render it while it holds the year's protocol counter (P4).
 */
export type ReceiptAttachment = {
  filename: string;
  contentType: 'application/pdf';
  receiptOfSubmission: string;
  /** The family's language when it signed (absent in rows written before issue 21: Italian). */
  locale?: Locale;
};
export type OutboxAttachment = InlineAttachment | ReceiptAttachment;

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    // Also the provider's idempotency key: a retried delivery is never sent twice.
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>(),
    // The codes and tokens of the bodies (sealed, AES-256-GCM): the bodies hold placeholders. Erased when the
    // message is sent, abandoned or past secrets_expire_at, so a copy of the database opens no account.
    secrets: text('secrets'),
    secretsExpireAt: timestamp('secrets_expire_at', { withTimezone: true }),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    deliveredVia: text('delivered_via'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // 'io': an App IO message; recipient is the family's fiscal code, text_body the Markdown.
    check('notification_outbox_channel_check', sql`${t.channel} in ('email', 'sms', 'io')`),
    // 'not_allowed': App IO said the citizen does not accept this service's messages; final, like 'sent'.
    check('notification_outbox_status_check', sql`${t.status} in ('pending', 'sent', 'failed', 'not_allowed')`),
    index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_outbox_created_idx').on(t.createdAt),
  ],
);
