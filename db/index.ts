import 'server-only';
import { count } from 'drizzle-orm';
import { demoMode, isDevelopment } from '@/lib/config/runtime-config';
import type { Db } from './open';
import { openDb } from './open';
import { users } from './schema';

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

export const FIRST_USER_HINT =
  'Nessun utente nel database. Crea il primo operatore dell’ufficio con: ' +
  'npm run user:create -- --role office --cf <CODICE FISCALE> --email <e-mail> --nome <nome> --cognome <cognome>' +
  ' (riceverà per e-mail il collegamento per impostare la password).';

async function start(): Promise<Db> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const opened = await openDb({ databaseUrl });
  // The demo accounts share the README's password: only `next dev` or an explicit demo gets them (never production by accident).
  const seedAllowed = isDevelopment() || demoMode();
  if (opened.kind === 'pglite' && seedAllowed) {
    const { seedIfEmpty } = await import('./seed/seed');
    await seedIfEmpty(opened.db);
  } else {
    const [row] = await opened.db.select({ n: count() }).from(users);
    if ((row?.n ?? 0) === 0) console.warn(`[db] ${FIRST_USER_HINT}`);
  }
  return opened.db;
}
