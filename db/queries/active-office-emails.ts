import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { users } from '@/db/schema';

/** The e-mail addresses of the active office users, each once. */
export async function activeOfficeEmails(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'office'), eq(users.active, true)));
  return [...new Set(rows.map((r) => r.email))];
}
