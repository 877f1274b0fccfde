import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { providers } from '@/db/schema';

const statements = (db: DbOrTx) => ({
  byId: db
    .select()
    .from(providers)
    .where(eq(providers.id, sql.placeholder('id')))
    .prepare('provider_by_id'),
});

/** A provider, or null: the dashboard's heading reads it on every request, so its statement is prepared once. */
export async function providerById(db: DbOrTx, id: string) {
  const [p] = await prepared(db, 'provider-by-id', statements).byId.execute({ id });
  return p ?? null;
}
