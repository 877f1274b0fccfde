import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { providers } from '@/db/schema';

export async function providerById(db: DbOrTx, id: string) {
  const [p] = await db.select().from(providers).where(eq(providers.id, id));
  return p ?? null;
}
