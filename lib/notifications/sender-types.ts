import type { InlineAttachment } from '@/db/schema';

export type Channel = 'email' | 'sms' | 'io';

export type OutgoingMessage = {
  id: string;
  channel: Channel;
  /** An e-mail address, a mobile number, or (App IO) a fiscal code. */
  recipient: string;
  subject: string;
  /** The plain text; for App IO, the Markdown body. */
  textBody: string;
  htmlBody: string | null;
  attachments?: InlineAttachment[] | null;
  /** Set when the body carries a code or token: until when it is worth anything. */
  secretUntil?: Date | null;
};

/**
 * Nothing when the provider took the message; 'not_allowed' when the recipient does not accept this
 * service's messages (App IO's `sender_allowed: false`, or no IO profile): recorded, never retried.
 */
export type SendResult = void | 'not_allowed';
export type Sender = { name: string; send(m: OutgoingMessage): Promise<SendResult> };

/**
 * A refusal no retry can change (a 4xx for a malformed request, content outside the provider's rules): the
 * dispatcher gives the message up at once and audits it. Every other error is retried with backoff. The
 * message says what and why, never the recipient or the body (it is stored and audited).
 */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
}
