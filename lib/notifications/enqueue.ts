import type { DbOrTx } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { renderEmail } from './render-email';

export type EmailMessage = { to: string; subject: string; paragraphs: string[]; link?: { href: string; label: string }; attachments?: OutboxAttachment[] };

/**
 * Writes the e-mail in the caller's transaction: a rolled-back change sends nothing (M6).
 * Rendered now (react-email), so a retry sends exactly what was committed; attachments travel in
 * the row (base64), for the same reason.
 */
export async function enqueueEmail(tx: DbOrTx, m: EmailMessage): Promise<void> {
  const { html, text } = await renderEmail({ subject: m.subject, paragraphs: m.paragraphs, link: m.link, attachmentNames: m.attachments?.map((a) => a.filename) });
  await tx.insert(notificationOutbox).values({
    channel: 'email',
    recipient: m.to,
    subject: m.subject,
    textBody: text,
    htmlBody: html,
    attachments: m.attachments?.length ? m.attachments : null,
  });
}

export async function enqueueSms(tx: DbOrTx, m: { to: string; text: string }): Promise<void> {
  await tx.insert(notificationOutbox).values({ channel: 'sms', recipient: m.to, subject: 'SMS', textBody: m.text });
}
