/**
 * A database handle for the bench's helper scripts that sees every SQL statement the app's read
 * functions issue: drizzle on the same driver client, with each statement (text and parameters)
 * recorded, plus a way to run raw SQL (EXPLAIN) on that client. The app is not touched.
 * Run under `tsx --conditions=react-server` (so `server-only` resolves to its empty module), while the
 * app is stopped when on PGlite (it has no file lock).
 */
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Db } from '../../db/open';
import { defaultPgliteDir, openDb } from '../../db/open';
import * as schema from '../../db/schema';

export type Statement = { text: string; params: unknown[] };

export async function recordingDb(): Promise<{
  db: Db;
  statements: Statement[];
  raw: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
}> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  // Migrations are already applied by the seed scripts; opening here must not add statements.
  const opened = await openDb({ databaseUrl, pgliteDir: defaultPgliteDir(), migrate: false });
  const statements: Statement[] = [];
  const client = (opened.db as unknown as { $client: object }).$client;
  if (opened.kind === 'pglite') {
    // drizzle-orm/pglite sends every statement through client.query (transactions through tx.query).
    const c = client as {
      query: (text: string, params?: unknown[], opts?: unknown) => Promise<{ rows: Record<string, unknown>[] }>;
    };
    const query = c.query.bind(c);
    c.query = (text, params, opts) => {
      statements.push({ text, params: params ?? [] });
      return query(text, params, opts);
    };
    return {
      db: drizzlePglite(c as never, { schema }) as unknown as Db,
      statements,
      raw: async (text, params = []) => (await query(text, params)).rows,
      close: opened.close,
    };
  }
  // postgres-js: drizzle calls client.unsafe(sql, params) for every statement.
  const c = client as {
    unsafe: (text: string, params?: unknown[], opts?: unknown) => Promise<Record<string, unknown>[]>;
  };
  const unsafe = c.unsafe.bind(c);
  c.unsafe = (text, params, opts) => {
    statements.push({ text, params: params ?? [] });
    return unsafe(text, params, opts);
  };
  return {
    db: drizzlePostgres(c as never, { schema }) as unknown as Db,
    statements,
    raw: async (text, params = []) => [...(await unsafe(text, params as never))],
    close: opened.close,
  };
}
