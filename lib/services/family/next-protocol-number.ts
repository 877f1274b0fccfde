import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { protocolCounters } from '@/db/schema';
import { formatProtocolNumber } from '@/lib/domain/protocol-number';

/**
 * The next protocol number of `year`, gap-free: the upsert takes the year's counter row lock until
 * the caller's transaction ends, so concurrent submissions queue here and a rolled-back one gives
 * its number back. Never max()+1, which two transactions would read alike.
 */
export async function nextProtocolNumber(tx: Tx, year: number): Promise<string> {
  const [row] = await tx
    .insert(protocolCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: protocolCounters.year, set: { lastNumber: sql`${protocolCounters.lastNumber} + 1` } })
    .returning({ lastNumber: protocolCounters.lastNumber });
  return formatProtocolNumber(year, row!.lastNumber);
}
