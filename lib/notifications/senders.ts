import 'server-only';

import type { OutboxAttachment } from '@/db/schema';

export type OutgoingMessage = { id: string; channel: 'email' | 'sms'; recipient: string; subject: string; textBody: string; htmlBody: string | null; attachments?: OutboxAttachment[] | null };
export type Sender = { name: string; send(m: OutgoingMessage): Promise<void> };

/** Development sink: the message stays in the outbox table, shown at /dev/outbox. Logs never carry the body (links, codes). */
export const devSink: Sender = {
  name: 'dev',
  async send(m) {
    const files = m.attachments?.length ? ` (${m.attachments.length} allegat${m.attachments.length === 1 ? 'o' : 'i'})` : '';
    console.info(`[outbox] ${m.channel} → ${m.recipient}: ${m.channel === 'email' ? m.subject : 'codice inviato'}${files}`);
  },
};

function resendSender(apiKey: string): Sender {
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
          ...(m.attachments?.length ? { attachments: m.attachments.map((a) => ({ filename: a.filename, content: a.contentBase64, contentType: a.contentType })) } : {}),
        },
        { idempotencyKey: m.id },
      );
      if (error) throw new Error(`resend ${error.name}`);
    },
  };
}

/** SMS adapter: any gateway reachable by an HTTPS webhook (SMS_WEBHOOK_URL, SMS_WEBHOOK_TOKEN). */
function webhookSmsSender(url: string, token: string | undefined): Sender {
  return {
    name: 'sms-webhook',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': m.id, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: m.recipient, text: m.textBody }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`sms gateway ${res.status}`);
    },
  };
}

export function senderFor(channel: 'email' | 'sms'): Sender {
  if (channel === 'email' && process.env.RESEND_API_KEY) return resendSender(process.env.RESEND_API_KEY);
  if (channel === 'sms' && process.env.SMS_WEBHOOK_URL) return webhookSmsSender(process.env.SMS_WEBHOOK_URL, process.env.SMS_WEBHOOK_TOKEN);
  return devSink;
}
