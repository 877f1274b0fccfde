import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb, migrateOnStart, setDb } from '@/db';
import { openDb } from '@/db/open';
import { checkReadiness, resetReadiness } from '@/lib/ops/check-readiness';
import { migrationsApplied } from '@/lib/ops/migration-status';
import { resetShutdownState } from '@/lib/ops/shutdown-state';

/**
 * Issue 17 item 2 and R1: with MIGRATE_ON_START=false an instance starts on an unmigrated database,
 * /api/ready says "migrations" until `npm run db:migrate` (openDb with migrations) has run, then ready
 * without a restart. The default still migrates at start.
 */
const saved = { ...process.env };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  process.env = { ...saved };
  setDb(undefined);
  resetReadiness();
  resetShutdownState();
  for (const c of cleanups.splice(0)) await c();
});

/** An empty database the app opens as if it were its configured one (PGlite in memory, or a new PostgreSQL database). */
async function emptyDatabase(): Promise<{ url?: string }> {
  const base = saved.DATABASE_URL;
  if (!base) {
    process.env.DATABASE_URL = '';
    process.env.PGLITE_DIR = `memory://`;
    return {};
  }
  const { default: postgres } = await import('postgres');
  const name = `bsp_m_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return { url: u.toString() };
}

describe('MIGRATE_ON_START', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['true', true],
    ['false', false],
    ['FALSE', false],
    ['0', false],
  ])('%s → migrate at start: %s', (value, expected) => {
    expect(migrateOnStart({ MIGRATE_ON_START: value })).toBe(expected);
  });

  it('false: the app starts on an unmigrated database and is not ready until the migrations run', async () => {
    const { url } = await emptyDatabase();
    process.env.MIGRATE_ON_START = 'false';
    const db = await getDb();
    cleanups.unshift(async () => {
      const { closeDb } = await import('@/db');
      await closeDb();
    });
    expect(await migrationsApplied(db)).toBe(false);
    expect(await checkReadiness()).toEqual({ ready: false, reason: 'migrations' });

    if (url) {
      // `npm run db:migrate` from another process, while this instance keeps running.
      const migrated = await openDb({ databaseUrl: url });
      await migrated.close();
    } else {
      // PGlite has one process only: the same migrator, on the open database.
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      const { migrationsFolder } = await import('@/db/open');
      await migrate(db as never, { migrationsFolder });
    }
    resetReadiness();
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it('default: the app migrates at start and is ready', async () => {
    await emptyDatabase();
    delete process.env.MIGRATE_ON_START;
    const db = await getDb();
    cleanups.unshift(async () => {
      const { closeDb } = await import('@/db');
      await closeDb();
    });
    expect(await migrationsApplied(db)).toBe(true);
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it('a database whose newest migration is older than the build is "migrations"', async () => {
    await emptyDatabase();
    const db = await getDb();
    cleanups.unshift(async () => {
      const { closeDb } = await import('@/db');
      await closeDb();
    });
    await db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    expect(await checkReadiness()).toEqual({ ready: false, reason: 'migrations' });
  });
});
