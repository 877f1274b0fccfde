import path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries and services accept either, so a caller can compose them inside its transaction. */
export type DbOrTx = Db | Tx;

export type OpenedDb = { db: Db; kind: 'postgres' | 'pglite'; close: () => Promise<void> };

export const migrationsFolder = path.join(process.cwd(), 'drizzle');
const MIGRATION_LOCK = 730_2020;

/** A span per SQL statement when OpenTelemetry exports (OTEL_EXPORTER_OTLP_ENDPOINT); nothing otherwise. */
async function sqlTracing() {
  return process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? (await import('@/lib/log/telemetry')).sqlSpanLogger : undefined;
}

export function defaultPgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite (a folder, or memory:// for tests). */
export async function openDb(
  opts: { databaseUrl?: string; pgliteDir?: string; loadDataDir?: Blob; migrate?: boolean } = {},
): Promise<OpenedDb> {
  const shouldMigrate = opts.migrate ?? true;
  if (opts.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    if (shouldMigrate) {
      // A single connection holding an advisory lock: app instances starting together migrate once.
      const one = postgres(opts.databaseUrl, { max: 1, onnotice: () => {} });
      try {
        await one`select pg_advisory_lock(${MIGRATION_LOCK})`;
        const { migrate } = await import('drizzle-orm/postgres-js/migrator');
        await migrate(drizzle(one), { migrationsFolder });
        await one`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await one.end();
      }
    }
    const client = postgres(opts.databaseUrl, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      onnotice: () => {},
      connect_timeout: 10,
    });
    const db = drizzle(client, { schema, logger: await sqlTracing() }) as unknown as Db;
    return { db, kind: 'postgres', close: () => client.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = opts.pgliteDir ?? defaultPgliteDir();
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const pdb = drizzle(client, { schema, logger: await sqlTracing() });
  if (shouldMigrate) {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(pdb, { migrationsFolder });
  }
  return { db: pdb as unknown as Db, kind: 'pglite', close: () => client.close() };
}
