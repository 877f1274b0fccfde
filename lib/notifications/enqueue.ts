import type { DbOrTx } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { renderEmailHtml } from './render-email';

export type EmailMessage = { to: string; subject: string; paragraphs: string[]; link?: { href: string; label: string }; attachments?: OutboxAttachment[] };

/** Writes the e-mail in the caller's transaction: a rolled-back change sends nothing (M6). */
export async function enqueueEmail(tx: DbOrTx, m: EmailMessage): Promise<void> {
  const text = [...m.paragraphs, ...(m.link ? [`${m.link.label}: ${m.link.href}`] : []), '', FOOTER].join('\n\n');
  await tx.insert(notificationOutbox).values({
    channel: 'email',
    recipient: m.to,
    subject: m.subject,
    textBody: text,
    htmlBody: renderEmailHtml(m.subject, m.paragraphs, m.link, FOOTER),
    attachments: m.attachments?.length ? m.attachments : null,
  });
}

export async function enqueueSms(tx: DbOrTx, m: { to: string; text: string }): Promise<void> {
  await tx.insert(notificationOutbox).values({ channel: 'sms', recipient: m.to, subject: 'SMS', textBody: m.text });
}

const FOOTER =
  'Provincia autonoma di Trento — Buoni di servizio. Messaggio automatico: non rispondere a questo indirizzo.';
