import 'server-only';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { providers } from '@/db/schema';
import type { OfficeScope } from './office-scope';

/** Every provider, by name: the queue's "Soggetto erogatore" filter and the provider of a new staff user. */
export async function providerOptions(db: DbOrTx, _scope: OfficeScope) {
  return db.select({ id: providers.id, name: providers.name }).from(providers).orderBy(asc(providers.name));
}
