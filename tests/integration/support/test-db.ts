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

/** A new PostgreSQL database cloned from `template`, dropped on close. */
async function cloneOf(url: string, template: string): Promise<TestDb> {
  const { default: postgres } = await import('postgres');
  const name = `bsp_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
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

/** A PGlite database in memory loaded from a dump. */
async function pgliteFrom(dump: Blob): Promise<TestDb> {
  const opened = await openDb({ pgliteDir: 'memory://', loadDataDir: dump, migrate: false });
  return { db: opened.db, kind: 'pglite', close: opened.close };
}

/** A fresh, migrated, empty database: PGlite in memory, or a clone of the PostgreSQL template when DATABASE_URL is set. */
export async function freshDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (url) return cloneOf(url, inject('pgTemplate'));
  return pgliteFrom(new Blob([readFileSync(inject('pgliteDump'))]));
}

/**
 * A database prepared once (seeded, taken to some state) that each test then gets a fresh copy of: PGlite
 * loads its dump, PostgreSQL clones it as a template. For files whose every test starts from the same
 * state, which is much slower to build than to copy (issue 20: CI time).
 */
export async function preparedDb(
  prepare: (db: Db) => Promise<void>,
): Promise<{ fresh: () => Promise<TestDb>; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import('postgres');
    const name = `bsp_p_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject('pgTemplate')}`);
    const opened = await openDb({ databaseUrl: withDatabase(url, name), migrate: false });
    await prepare(opened.db);
    // A template must have no connection open when it is cloned.
    await opened.close();
    return {
      fresh: () => cloneOf(url, name),
      drop: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const base = await freshDb();
  await prepare(base.db);
  const client = (base.db as unknown as { $client: { dumpDataDir: (c?: string) => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await base.close();
  return { fresh: () => pgliteFrom(dump), drop: async () => undefined };
}
