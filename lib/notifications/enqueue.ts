import { randomUUID } from 'node:crypto';
import { bulkInsert } from '@/db/bulk-insert';
import type { DbOrTx } from '@/db/open';
import { notificationOutbox, type OutboxAttachment } from '@/db/schema';
import { assertNoClearToken, redact, sealSecrets, type MessageSecret } from './outbox-secrets';
import { renderEmail } from './render-email';

export type EmailMessage = {
  to: string;
  subject: string;
  paragraphs: string[];
  link?: { href: string; label: string };
  attachments?: OutboxAttachment[];
  /** Codes and tokens the body carries: stored sealed, never in clear (outbox-secrets.ts). */
  secret?: MessageSecret;
};

/** The secret columns of a row whose bodies carry `secret`, and the bodies with placeholders instead. */
function withSecret(
  id: string,
  bodies: { textBody: string; htmlBody: string | null },
  secret: MessageSecret | undefined,
) {
  const values = secret?.values.filter(Boolean) ?? [];
  const textBody = redact(bodies.textBody, values);
  const htmlBody = bodies.htmlBody === null ? null : redact(bodies.htmlBody, values);
  assertNoClearToken(textBody);
  if (htmlBody) assertNoClearToken(htmlBody);
  return values.length
    ? { id, textBody, htmlBody, secrets: sealSecrets(id, values), secretsExpireAt: secret!.expiresAt }
    : { id, textBody, htmlBody, secrets: null, secretsExpireAt: null };
}

/**
 * Rendered now (react-email), so a retry sends exactly what was committed; attachments travel in the row
 * (base64), for the same reason.
 */
async function emailRow(m: EmailMessage) {
  const { html, text } = await renderEmail({
    subject: m.subject,
    paragraphs: m.paragraphs,
    link: m.link,
    attachmentNames: m.attachments?.map((a) => a.filename),
  });
  return {
    ...withSecret(randomUUID(), { textBody: text, htmlBody: html }, m.secret),
    channel: 'email' as const,
    recipient: m.to,
    subject: m.subject,
    attachments: m.attachments?.length ? m.attachments : null,
  };
}

/** Writes the e-mail in the caller's transaction: a rolled-back change sends nothing (M6). */
export async function enqueueEmail(tx: DbOrTx, m: EmailMessage): Promise<void> {
  await tx.insert(notificationOutbox).values(await emailRow(m));
}

export type RenderedEmailRow = Awaited<ReturnType<typeof emailRow>>;

/**
 * Renders the e-mails now, to be inserted later with `insertRenderedEmails`: a use case that holds a lock
 * (the protocol counter) renders before taking it, with `placeholder` where a value known only under the
 * lock will go.
 */
export async function renderEmails(messages: readonly EmailMessage[]): Promise<RenderedEmailRow[]> {
  return Promise.all(messages.map(emailRow));
}

/** Inserts rows from `renderEmails` in one statement, every `placeholder` replaced by `value`. */
export async function insertRenderedEmails(
  tx: DbOrTx,
  rows: readonly RenderedEmailRow[],
  fill?: { placeholder: string; value: string },
): Promise<void> {
  if (!rows.length) return;
  const sub = (s: string) => (fill ? s.replaceAll(fill.placeholder, fill.value) : s);
  await tx.insert(notificationOutbox).values(
    rows.map((r) => ({
      ...r,
      subject: sub(r.subject),
      textBody: sub(r.textBody),
      htmlBody: r.htmlBody === null ? null : sub(r.htmlBody),
      attachments: r.attachments?.map((a) => ({ ...a, filename: sub(a.filename) })) ?? null,
    })),
  );
}

/** Many e-mails in a few multi-row inserts (a bulk import may queue thousands in one transaction). */
export async function enqueueEmails(tx: DbOrTx, messages: readonly EmailMessage[]): Promise<void> {
  const rows = [];
  for (const m of messages) rows.push(await emailRow(m));
  await bulkInsert(tx, notificationOutbox, rows, 500);
}

/** Every SMS the app sends carries a code: the secret is required. */
export async function enqueueSms(tx: DbOrTx, m: { to: string; text: string; secret: MessageSecret }): Promise<void> {
  await tx.insert(notificationOutbox).values({
    ...withSecret(randomUUID(), { textBody: m.text, htmlBody: null }, m.secret),
    channel: 'sms',
    recipient: m.to,
    subject: 'SMS',
  });
}
