import { sql } from 'drizzle-orm';
import journal from '@/drizzle/meta/_journal.json';
import type { DbOrTx } from '@/db/open';
import { rowsOf } from '@/db/queries/rows-of';

/**
 * drizzle's migrator records each applied migration in drizzle.__drizzle_migrations with
 * created_at = the journal entry's `when`, and applies every entry newer than the newest row
 * (drizzle-orm/pg-core/dialect.js migrate()). So the schema this build expects is in place when
 * that newest row is at least the journal's last `when`. The journal is compiled into the build,
 * so a build never reports ready against a database its migrations have not reached.
 */
export const LATEST_MIGRATION_WHEN: number = Math.max(0, ...journal.entries.map((e) => e.when));

export async function migrationsApplied(db: DbOrTx, latest = LATEST_MIGRATION_WHEN): Promise<boolean> {
  // to_regclass first: reading a table that does not exist would abort a surrounding transaction.
  const [table] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!table?.present) return false;
  const [row] = rowsOf<{ newest: string | number | null }>(
    await db.execute(sql`select max(created_at) as newest from drizzle.__drizzle_migrations`),
  );
  return row?.newest != null && Number(row.newest) >= latest;
}
