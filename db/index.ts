import 'server-only';
import { count } from 'drizzle-orm';
import { demoMode, isDevelopment } from '@/lib/config/runtime-config';
import type { Db } from './open';
import { openDb } from './open';
import { users } from './schema';
import { log } from '@/lib/log/logger';

export type { Db, DbOrTx, Tx } from './open';

// Next loads this module several times in one process (pages, proxy, auth route):
// the cache lives on globalThis so PGlite, which has no file lock, is opened once.
const g = globalThis as unknown as { __bspDb?: Promise<Db>; __bspDbClose?: () => Promise<void> };

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

/** Graceful shutdown: closes the pool (or PGlite) this process opened, once requests have drained. */
export async function closeDb(): Promise<void> {
  const close = g.__bspDbClose;
  g.__bspDbClose = undefined;
  if (close) await close();
}

/**
 * MIGRATE_ON_START=false (or 0): a deployment of many instances runs `npm run db:migrate` once before
 * rolling them; each instance then starts without migrating and /api/ready says "migrations" until
 * the schema has caught up. Anything else keeps the default: migrate at start, under the advisory lock.
 */
export function migrateOnStart(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(false|0)$/i.test((env.MIGRATE_ON_START ?? '').trim());
}

export const FIRST_USER_HINT =
  'Nessun utente nel database. Crea il primo operatore dell’ufficio con: ' +
  'npm run user:create -- --role office --cf <CODICE FISCALE> --email <e-mail> --nome <nome> --cognome <cognome>' +
  ' (riceverà per e-mail il collegamento per impostare la password).';

async function start(): Promise<Db> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const migrate = migrateOnStart();
  const opened = await openDb({ databaseUrl, migrate });
  g.__bspDbClose = opened.close;
  if (!migrate) {
    const { migrationsApplied } = await import('@/lib/ops/migration-status');
    if (!(await migrationsApplied(opened.db))) {
      // The app keeps running (readiness says why) and serves once `npm run db:migrate` has run.
      log.warn(
        'db: Migrazioni non applicate (MIGRATE_ON_START=false): esegui `npm run db:migrate`; /api/ready risponde 503 fino ad allora.',
      );
      return opened.db;
    }
  }
  // The demo accounts share the README's password: only `next dev` or an explicit demo gets them (never production by accident).
  const seedAllowed = isDevelopment() || demoMode();
  if (opened.kind === 'pglite' && seedAllowed) {
    const { seedIfEmpty } = await import('./seed/seed');
    await seedIfEmpty(opened.db);
  } else {
    const [row] = await opened.db.select({ n: count() }).from(users);
    if ((row?.n ?? 0) === 0) log.warn(`db: ${FIRST_USER_HINT}`);
  }
  return opened.db;
}
