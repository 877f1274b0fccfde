import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { users } from '@/db/schema';
import { isLocale, type Locale } from '@/lib/domain/locale';

/** The language a user chose, or null when they never chose (pages then follow cookie and browser). */
export async function userLocale(db: DbOrTx, userId: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return isLocale(row?.locale) ? row.locale : null;
}
