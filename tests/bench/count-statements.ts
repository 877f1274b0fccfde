/**
 * P2, statement count: how many SQL statements the voucher page's read function issues for a
 * voucher with few PES and one with many. Run by tests/bench/run.mjs, while the app is stopped
 * (PGlite has no file lock), as `npx tsx --conditions=react-server tests/bench/count-statements.ts
 * <holderId> <voucherId>...` (the condition makes `server-only` resolve to its empty module).
 * Every statement goes through the driver client, which is wrapped here; the app is not touched.
 * Prints one JSON line: { "<voucherId>": { statements, pes } }.
 */
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { Db } from '../../db/open';
import { defaultPgliteDir, openDb } from '../../db/open';
import * as schema from '../../db/schema';
import { getFamilyVoucherFile } from '../../db/queries/voucher-file';

let statements = 0;

/** A counting database: drizzle on the same driver client, with every statement counted. */
async function countingDb(): Promise<{ db: Db; close: () => Promise<void> }> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  // Migrations are already applied by seed-bench.ts; opening here must not add statements.
  const opened = await openDb({ databaseUrl, pgliteDir: defaultPgliteDir(), migrate: false });
  const client = (opened.db as unknown as { $client: object }).$client;
  if (opened.kind === 'pglite') {
    // drizzle-orm/pglite sends every statement through client.query (transactions through tx.query).
    const c = client as { query: (...args: unknown[]) => Promise<unknown> };
    const query = c.query.bind(c);
    c.query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
    return { db: drizzlePglite(c as never, { schema }) as unknown as Db, close: opened.close };
  }
  // postgres-js: drizzle calls client.unsafe(sql, params) for every statement.
  const c = client as { unsafe: (...args: unknown[]) => unknown };
  const unsafe = c.unsafe.bind(c);
  c.unsafe = (...args: unknown[]) => {
    statements++;
    return unsafe(...args);
  };
  return { db: drizzlePostgres(c as never, { schema }) as unknown as Db, close: opened.close };
}

async function main() {
  const [holderId, ...voucherIds] = process.argv.slice(2);
  if (!holderId || voucherIds.length === 0) throw new Error('usage: count-statements.ts <holderId> <voucherId>...');
  const { db, close } = await countingDb();
  try {
    const out: Record<string, { statements: number; pes: number }> = {};
    for (const id of voucherIds) {
      await getFamilyVoucherFile(db, holderId, id); // warm (prepared statements, caches)
      statements = 0;
      const file = await getFamilyVoucherFile(db, holderId, id);
      if (!file) throw new Error(`voucher ${id} not found for holder ${holderId}`);
      out[id] = { statements, pes: file.pes.length };
    }
    console.log(JSON.stringify(out));
  } finally {
    await close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
