import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Db } from '@/db/open';
import { openDb } from '@/db/open';

export type TestDb = { db: Db; kind: 'postgres' | 'pglite'; close: () => Promise<void> };

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh, migrated, empty database: PGlite in memory, or a clone of the PostgreSQL template when DATABASE_URL is set. */
export async function freshDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const name = `bsp_t_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject('pgTemplate')}`);
    const opened = await openDb({ databaseUrl: withDatabase(url, name), migrate: false });
    return {
      db: opened.db,
      kind: 'postgres',
      close: async () => {
        await opened.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = new Blob([readFileSync(inject('pgliteDump'))]);
  const opened = await openDb({ pgliteDir: 'memory://', loadDataDir: dump, migrate: false });
  return { db: opened.db, kind: 'pglite', close: opened.close };
}
