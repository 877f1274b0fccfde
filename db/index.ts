import 'server-only';
import type { Db } from './open';
import { openDb } from './open';

export type { Db, DbOrTx, Tx } from './open';

// Next loads this module several times in one process (pages, proxy, auth route):
// the cache lives on globalThis so PGlite, which has no file lock, is opened once.
const g = globalThis as unknown as { __bspDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  g.__bspDb ??= start().catch((e: unknown) => {
    g.__bspDb = undefined;
    throw e;
  });
  return g.__bspDb;
}

/** Tests install their own database here. */
export function setDb(db: Db | undefined): void {
  g.__bspDb = db ? Promise.resolve(db) : undefined;
}

async function start(): Promise<Db> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const opened = await openDb({ databaseUrl });
  if (opened.kind === 'pglite') {
    const { seedIfEmpty } = await import('./seed/seed');
    await seedIfEmpty(opened.db);
  }
  return opened.db;
}
