import 'server-only';
import { openSecret, sealSecret } from '@/lib/auth/totp/secret-box';

/**
 * A message that carries a secret (an OTP code, an activation or reset token) is stored with a placeholder
 * where the secret goes; the values are sealed in `notification_outbox.secrets` and put back only when the
 * message is handed to the provider. After that the column is erased: what stays is the redacted body.
 */
export type MessageSecret = { values: readonly string[]; expiresAt: Date };

export const REDACTED = '[codice rimosso dopo l’invio]';
const PLACEHOLDER = /\[\[segreto:(\d+)\]\]/g;
const placeholder = (i: number) => `[[segreto:${i}]]`;
// A link token that escaped redaction: refused, so a new message cannot forget to declare its secret.
const CLEAR_TOKEN = /#token=[A-Za-z0-9_-]{16,}/;

// Bound to the row: a sealed value copied to another message does not open (same key as the TOTP secrets, other associated data).
const boundTo = (outboxId: string) => `notification_outbox:${outboxId}`;

/** Replaces every occurrence of each secret by its placeholder (longest first, so no value hides inside another). */
export function redact(body: string, values: readonly string[]): string {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v.length - a.v.length);
  let out = body;
  for (const { v, i } of order) if (v) out = out.replaceAll(v, placeholder(i));
  return out;
}

export function assertNoClearToken(body: string): void {
  if (CLEAR_TOKEN.test(body)) throw new Error('outbox: a link token must be passed as a secret of the message');
}

export function sealSecrets(outboxId: string, values: readonly string[]): string {
  return sealSecret(JSON.stringify(values), boundTo(outboxId));
}

/** The body as the recipient must read it. Throws when the sealed values do not open (key changed, row tampered). */
export function revealBody(body: string, outboxId: string, sealed: string): string {
  const values = JSON.parse(openSecret(sealed, boundTo(outboxId))) as string[];
  return body.replace(PLACEHOLDER, (whole, i: string) => values[Number(i)] ?? whole);
}

/** Both bodies of an outbox row as they were written: secrets put back while the row still holds them, else redacted. */
export function revealedOutboxBodies(row: {
  id: string;
  textBody: string;
  htmlBody: string | null;
  secrets: string | null;
}): { textBody: string; htmlBody: string | null } {
  const show = (body: string) => (row.secrets ? revealBody(body, row.id, row.secrets) : redactedBody(body));
  return { textBody: show(row.textBody), htmlBody: row.htmlBody === null ? null : show(row.htmlBody) };
}

/** The stored body once its secrets are gone. */
export function redactedBody(body: string): string {
  return body.replace(PLACEHOLDER, REDACTED);
}
