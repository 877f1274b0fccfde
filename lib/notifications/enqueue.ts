import { bulkInsert } from '@/db/bulk-insert';
import type { DbOrTx } from '@/db/open';
import { notificationOutbox } from '@/db/schema';
import { renderEmailHtml } from './render-email';

export type EmailMessage = { to: string; subject: string; paragraphs: string[]; link?: { href: string; label: string } };

function emailRow(m: EmailMessage) {
  const text = [...m.paragraphs, ...(m.link ? [`${m.link.label}: ${m.link.href}`] : []), '', FOOTER].join('\n\n');
  return {
    channel: 'email',
    recipient: m.to,
    subject: m.subject,
    textBody: text,
    htmlBody: renderEmailHtml(m.subject, m.paragraphs, m.link, FOOTER),
  };
}

/** Writes the e-mail in the caller's transaction: a rolled-back change sends nothing (M6). */
export async function enqueueEmail(tx: DbOrTx, m: EmailMessage): Promise<void> {
  await tx.insert(notificationOutbox).values(emailRow(m));
}

/** Many e-mails in a few multi-row inserts (a bulk import may queue thousands in one transaction). */
export async function enqueueEmails(tx: DbOrTx, messages: readonly EmailMessage[]): Promise<void> {
  await bulkInsert(tx, notificationOutbox, messages.map(emailRow), 500);
}

export async function enqueueSms(tx: DbOrTx, m: { to: string; text: string }): Promise<void> {
  await tx.insert(notificationOutbox).values({ channel: 'sms', recipient: m.to, subject: 'SMS', textBody: m.text });
}

const FOOTER =
  'Provincia autonoma di Trento — Buoni di servizio. Messaggio automatico: non rispondere a questo indirizzo.';
