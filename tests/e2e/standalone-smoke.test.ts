import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled } from './support/app-fixture';
import { DEMO_PASSWORD } from './support/browser';
import { sessionCookie, visibleText } from './support/http';
import { freshPgDatabase, pgReachable, PG_SERVER, type FreshDatabase } from './support/postgres-database';
import { freePort } from './support/server';

/**
 * What ships, started as the README and the Dockerfile say: a fresh PostgreSQL database migrated by its own
 * step (`npm run db:migrate`), then `npm start` (the standalone server of `npm run build`) with
 * MIGRATE_ON_START=false and documents in the database, as a multi-instance deployment runs it.
 */
const ANNA = 'RSSNNA85M41L378F';

const reachable = e2eEnabled && (await pgReachable());
if (e2eEnabled && !reachable && process.env.CI)
  throw new Error(`the standalone smoke test needs PostgreSQL at ${PG_SERVER}`);

describe.skipIf(!reachable)('the standalone build on PostgreSQL (npm run db:migrate, then npm start)', () => {
  let db: FreshDatabase | undefined;
  let base = '';
  let out = '';
  let server: ReturnType<typeof spawn> | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);

  beforeAll(async () => {
    // Migrated by `npm run db:migrate` (its own step) and seeded, documents in the database.
    db = await freshPgDatabase('bsp_smoke');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
        DATABASE_URL: db.url,
        MIGRATE_ON_START: 'false',
        FILE_STORAGE: 'database',
        DEMO_MODE: '',
        AUTH_SECRET: randomBytes(32).toString('hex'),
        MFA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        APP_URL: base,
        RESEND_API_KEY: 're_not_used_in_this_test',
        OUTBOX_POLL: '0',
        STAFF_MFA: 'optional',
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => server!.once('exit', (code) => resolve(code)));
    server.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm start did not come up:\n${out}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    await db?.drop();
  });

  it('is ready on the migrated database, signs a family in and shows her voucher, then stops cleanly on SIGTERM', async () => {
    const ready = await fetch(`${base}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });

    const cookie = await sessionCookie(base, ANNA, DEMO_PASSWORD);
    const page = await fetch(`${base}/famiglia`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(visibleText(await page.text())).toContain('BS-2020-0001');
    // The static chunks were copied beside the standalone server: the page's scripts load.
    const html = await (await fetch(`${base}/login`)).text();
    const chunk = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(chunk).toBeTruthy();
    expect((await fetch(`${base}${chunk}`)).status).toBe(200);

    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).not.toContain('Avvio rifiutato');
  });
});
