import 'server-only';
import { devSinkAllowed, ioApi } from '@/lib/config/runtime-config';
import { keepDelivered } from './dev-delivered';
import { assertIoRules, ioSender } from './io/io-sender';
import { log } from '@/lib/log/logger';
import type { Channel, Sender } from './sender-types';

export { PermanentSendError, type Channel, type OutgoingMessage, type SendResult, type Sender } from './sender-types';

/** Every call to a provider gives up after this long: well inside the outbox lease (dispatch-outbox.ts). */
export const SEND_TIMEOUT_MS = 15_000;

/**
 * Development sink: the message stays in the outbox table, shown at /dev/outbox; a code or link it carried
 * is kept in memory only (dev-delivered.ts), as the row keeps the redacted body. Logs carry no personal data
 * (no address, no body).
 */
export const devSink: Sender = {
  name: 'dev',
  async send(m) {
    // App IO's rules hold here too, so a message IO would refuse shows as refused at /dev/outbox.
    if (m.channel === 'io') assertIoRules(m);
    if (m.secretUntil) keepDelivered(m.id, m.textBody, m.secretUntil);
    const files = m.attachments?.length
      ? ` (${m.attachments.length} allegat${m.attachments.length === 1 ? 'o' : 'i'})`
      : '';
    log.info({ channel: m.channel, outboxId: m.id }, `outbox: ${m.channel} ${m.id} → /dev/outbox${files}`);
  },
};

/** Production without a provider: the message is never marked sent; it is retried, then abandoned (and audited). */
const unconfigured = (channel: string): Sender => ({
  name: 'none',
  async send() {
    throw new Error(`nessun servizio di invio configurato per ${channel}`);
  },
});

function resendSender(apiKey: string, timeoutMs: number): Sender {
  return {
    name: 'resend',
    async send(m) {
      // Constructed lazily: `new Resend()` throws without a key.
      const { Resend } = await import('resend');
      const client = new Resend(apiKey);
      const { error } = await client.emails.send(
        {
          from: process.env.EMAIL_FROM ?? 'Buoni di servizio <buoni-servizio@example.it>',
          to: m.recipient,
          subject: m.subject,
          text: m.textBody,
          ...(m.htmlBody ? { html: m.htmlBody } : {}),
          ...(m.attachments?.length
            ? {
                attachments: m.attachments.map((a) => ({
                  filename: a.filename,
                  content: a.contentBase64,
                  contentType: a.contentType,
                })),
              }
            : {}),
        },
        { idempotencyKey: m.id, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) throw new Error(`resend ${error.name}`);
    },
  };
}

/** SMS adapter: any gateway reachable by an HTTPS webhook (SMS_WEBHOOK_URL, SMS_WEBHOOK_TOKEN). */
function webhookSmsSender(url: string, token: string | undefined, timeoutMs: number): Sender {
  return {
    name: 'sms-webhook',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': m.id,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: m.recipient, text: m.textBody }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`sms gateway ${res.status}`);
    },
  };
}

export function senderFor(channel: Channel, opts: { timeoutMs?: number } = {}): Sender {
  const timeoutMs = opts.timeoutMs ?? SEND_TIMEOUT_MS;
  if (channel === 'email' && process.env.RESEND_API_KEY) return resendSender(process.env.RESEND_API_KEY, timeoutMs);
  if (channel === 'sms' && process.env.SMS_WEBHOOK_URL)
    return webhookSmsSender(process.env.SMS_WEBHOOK_URL, process.env.SMS_WEBHOOK_TOKEN, timeoutMs);
  const io = channel === 'io' ? ioApi() : null;
  if (io) return ioSender(io, timeoutMs);
  // The development sink only where /dev/outbox can show it: never a silent drop in production.
  return devSinkAllowed() ? devSink : unconfigured(channel);
}
