import 'server-only';
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { prepared } from '@/db/prepared';
import { providers } from '@/db/schema';
import type { OfficeScope } from './office-scope';

const statements = (db: DbOrTx) => ({
  all: db
    .select({ id: providers.id, name: providers.name })
    .from(providers)
    .orderBy(asc(providers.name))
    .prepare('provider_options'),
});

/** Every provider, by name: the queue's "Soggetto erogatore" filter and the provider of a new staff user. */
export async function providerOptions(db: DbOrTx, _scope: OfficeScope) {
  return prepared(db, 'provider-options', statements).all.execute();
}
