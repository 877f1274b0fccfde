import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/** The shared PostgreSQL server of the machine (FAULT_DATABASE_URL overrides it, as in the other PostgreSQL e2e files). */
export const PG_SERVER = process.env.FAULT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function pgReachable(url = PG_SERVER): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export type FreshDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * A new database `<prefix>_<random>` on the shared server, migrated and seeded with the demo data by the
 * shipped scripts (npm run db:migrate, npm run db:seed) with documents kept in the database. The tests that
 * use it create their own rows: other engineers use the same server at the same time.
 */
export async function freshPgDatabase(prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const u = new URL(PG_SERVER);
  u.pathname = `/${name}`;
  const url = u.toString();
  const drop = async () => {
    const sql = postgres(PG_SERVER, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await sql.end({ timeout: 1 });
    }
  };
  const env = { ...process.env, DATABASE_URL: url, FILE_STORAGE: 'database' };
  for (const script of ['db:migrate', 'db:seed']) {
    const r = spawnSync('npm', ['run', script], { env, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) {
      await drop().catch(() => undefined);
      throw new Error(`npm run ${script} failed (exit ${r.status}):\n${r.stderr}`);
    }
  }
  return { name, url, drop };
}
