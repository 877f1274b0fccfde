import 'server-only';
import { desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { notificationOutbox, providers, users } from '@/db/schema';

/** Who reads the development mailbox: the office reads every message, anyone else only those addressed to them. */
export type OutboxViewer = { userId: string; role: 'family' | 'provider' | 'office' };

/**
 * The newest messages the viewer may read. A family or a clerk sees what went to their own e-mail or mobile
 * number or (App IO) fiscal code, and a provider's clerk also what went to the provider's address; never
 * someone else's codes.
 */
export async function listOutbox(db: DbOrTx, viewer: OutboxViewer, limit = 200) {
  const r = notificationOutbox.recipient;
  const own = or(
    sql`lower(${r}) in (select lower(${users.email}) from ${users} where ${users.id} = ${viewer.userId})`,
    sql`${r} in (select ${users.mobile} from ${users} where ${users.id} = ${viewer.userId} and ${users.mobile} is not null)`,
    sql`${notificationOutbox.channel} = 'io' and ${r} in (select ${users.codiceFiscale} from ${users} where ${users.id} = ${viewer.userId})`,
    sql`lower(${r}) in (select lower(${providers.email}) from ${providers} join ${users} on ${eq(users.providerId, providers.id)} where ${users.id} = ${viewer.userId})`,
  );
  return db
    .select()
    .from(notificationOutbox)
    .where(viewer.role === 'office' ? undefined : own)
    .orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id))
    .limit(limit);
}
