import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/open';
import { users } from '@/db/schema';

/**
 * Who is told of a new submission: OFFICE_EMAIL (the office's shared mailbox, comma-separated if
 * several) when set, otherwise every active office user.
 */
export async function officeRecipients(tx: Tx): Promise<string[]> {
  const configured = (process.env.OFFICE_EMAIL ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured.length) return configured;
  const rows = await tx.select({ email: users.email }).from(users).where(and(eq(users.role, 'office'), eq(users.active, true)));
  return [...new Set(rows.map((r) => r.email))];
}
