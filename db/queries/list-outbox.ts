import 'server-only';
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { notificationOutbox } from '@/db/schema';

export async function listOutbox(db: DbOrTx, limit = 200) {
  return db.select().from(notificationOutbox).orderBy(desc(notificationOutbox.createdAt), desc(notificationOutbox.id)).limit(limit);
}
