import 'server-only';

/**
 * What the development sink "delivered" with its code or link, kept in this process's memory only (never in
 * the database, which keeps the redacted body like in production), so /dev/outbox can still show it to its
 * recipient. Bounded, and forgotten when the code or link expires; lost on restart, like an unread SMS.
 */
const MAX_KEPT = 200;
const g = globalThis as unknown as { __bspDevDelivered?: Map<string, { textBody: string; until: Date }> };
const kept = (g.__bspDevDelivered ??= new Map());

export function keepDelivered(id: string, textBody: string, until: Date): void {
  kept.delete(id);
  kept.set(id, { textBody, until });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}

export function deliveredBody(id: string, now = new Date()): string | null {
  const m = kept.get(id);
  if (!m) return null;
  if (m.until <= now) {
    kept.delete(id);
    return null;
  }
  return m.textBody;
}
