import 'server-only';
import type { DbOrTx } from '@/db/open';

const byConnection = new WeakMap<DbOrTx, Map<string, unknown>>();

/**
 * A drizzle prepared statement (`.prepare()` with `sql.placeholder`s), built once per database handle:
 * the hot read paths stop rebuilding their SQL text on every request. A prepared statement runs on the
 * handle it was built from, so a transaction gets its own (kept only as long as the transaction object).
 */
export function prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  let statements = byConnection.get(db);
  if (!statements) {
    statements = new Map();
    byConnection.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    statements.set(name, statement);
  }
  return statement;
}
