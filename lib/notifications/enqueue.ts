import { bulkInsert } from '@/db/bulk-insert';
import type { DbOrTx } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { renderEmail } from './render-email';

export type EmailMessage = { to: string; subject: string; paragraphs: string[]; link?: { href: string; label: string }; attachments?: OutboxAttachment[] };

/**
 * Rendered now (react-email), so a retry sends exactly what was committed; attachments travel in the row
 * (base64), for the same reason.
 */
async function emailRow(m: EmailMessage) {
  const { html, text } = await renderEmail({ subject: m.subject, paragraphs: m.paragraphs, link: m.link, attachmentNames: m.attachments?.map((a) => a.filename) });
  return {
    channel: 'email' as const,
    recipient: m.to,
    subject: m.subject,
    textBody: text,
    htmlBody: html,
    attachments: m.attachments?.length ? m.attachments : null,
  };
}

/** Writes the e-mail in the caller's transaction: a rolled-back change sends nothing (M6). */
export async function enqueueEmail(tx: DbOrTx, m: EmailMessage): Promise<void> {
  await tx.insert(notificationOutbox).values(await emailRow(m));
}

/** Many e-mails in a few multi-row inserts (a bulk import may queue thousands in one transaction). */
export async function enqueueEmails(tx: DbOrTx, messages: readonly EmailMessage[]): Promise<void> {
  const rows = [];
  for (const m of messages) rows.push(await emailRow(m));
  await bulkInsert(tx, notificationOutbox, rows, 500);
}

export async function enqueueSms(tx: DbOrTx, m: { to: string; text: string }): Promise<void> {
  await tx.insert(notificationOutbox).values({ channel: 'sms', recipient: m.to, subject: 'SMS', textBody: m.text });
}
