import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled } from './support/app-fixture';
import { expectAccessible, launch, login, newPage } from './support/browser';
import { ANNA, openVoucher } from './support/journeys';
import { startApp, type AppServer } from './support/server';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { TSX } from './support/tsx';

/**
 * M8: PostgreSQL unreachable for 30 s while requests keep coming. A loopback relay between the app
 * and the shared server is cut, so nothing else on the machine notices. Pages answer with the
 * friendly Italian error, a form submitted meanwhile changes nothing, and when the relay comes
 * back the same process serves again without a restart.
 */
const PG = process.env.FAULT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OUTAGE_MS = 30_000;

async function pgReachable(): Promise<boolean> {
  const sql = postgres(PG, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

const reachable = e2eEnabled && (await pgReachable());
if (e2eEnabled && !reachable && process.env.CI) throw new Error(`M8 needs PostgreSQL at ${PG}`);

describe.skipIf(!reachable)('M8: database outage under requests', () => {
  const name = `bsp_outage_${randomBytes(4).toString('hex')}`;
  const target = new URL(PG);
  const dbUrl = (host: string, port: number) => {
    const u = new URL(PG);
    u.hostname = host;
    u.port = String(port);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const admin = postgres(PG, { max: 1, onnotice: () => {} });
  let proxy: TcpProxy;
  let app: AppServer;

  beforeAll(async () => {
    await admin.unsafe(`create database ${name}`);
    // Migrated and seeded directly, before the app starts (the app itself only migrates PostgreSQL).
    const seed = spawnSync(TSX, ['--conditions=react-server', 'db/cli/seed.ts'], {
      env: { ...process.env, DATABASE_URL: dbUrl(target.hostname, Number(target.port || 5432)) },
      encoding: 'utf8',
    });
    if (seed.status !== 0) throw new Error(`seed failed (exit ${seed.status})`);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    app = await startApp({ DATABASE_URL: dbUrl('127.0.0.1', proxy.port), OUTBOX_POLL: '0' });
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('answers with the friendly error, writes nothing half-way, and recovers without a restart', async () => {
    const browser = await launch();
    try {
      const { context, page } = await newPage(browser);
      await login(page, app.baseUrl, ANNA);
      await openVoucher(page, 'BS-2020-0001');
      const voucherUrl = page.url();
      await page.getByLabel('PES BS-2020-0001/1').check();

      await proxy.cut();
      const cutAt = Date.now();
      // The family presses the button while the database is away: a clear message, nothing saved.
      await page.getByRole('button', { name: 'Invia richiesta di chiusura' }).click();
      await expect.poll(() => page.getByText('Richiesta non inviata').isVisible(), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => page.getByText('i dati inseriti non sono stati salvati').isVisible()).toBe(true);

      // Requests keep coming for the rest of the outage: each gets the friendly page, none hangs the server.
      const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const answers: number[] = [];
      while (Date.now() - cutAt < OUTAGE_MS) {
        const res = await fetch(voucherUrl, {
          headers: { cookie },
          redirect: 'manual',
          signal: AbortSignal.timeout(20_000),
        });
        await res.arrayBuffer();
        answers.push(res.status);
        await new Promise((r) => setTimeout(r, 1_000));
      }
      expect(answers.length).toBeGreaterThan(5);
      // An error status (the browser then shows the friendly page below), never a redirect to the login:
      // an unreachable database is not an expired session.
      expect(
        answers.every((s) => s >= 500),
        `statuses ${answers.join(',')}`,
      ).toBe(true);
      await page.goto(voucherUrl);
      await page.getByRole('heading', { name: 'Servizio momentaneamente non disponibile' }).waitFor();
      await expectAccessible(page);

      await proxy.restore();
      await expect
        .poll(async () => (await fetch(voucherUrl, { headers: { cookie }, redirect: 'manual' })).status, {
          timeout: 30_000,
          interval: 1_000,
        })
        .toBe(200);

      // Nothing was written by the refused attempt: the PES is still open, and closing it now works.
      const check = postgres(dbUrl(target.hostname, Number(target.port || 5432)), { max: 1, onnotice: () => {} });
      const [row] = await check`select status from pes where code = 'BS-2020-0001/1'`;
      const [audits] =
        await check`select count(*)::int as n from audit_events where action = 'pes.close_requested' and after->>'code' = 'BS-2020-0001/1'`;
      await check.end();
      expect(row?.status).toBe('active');
      expect(audits?.n).toBe(0);

      await page.goto(voucherUrl);
      await page.getByLabel('PES BS-2020-0001/1').check();
      await page.getByRole('button', { name: 'Invia richiesta di chiusura' }).click();
      await page.getByText('Richiesta inviata').waitFor();
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('R1: /api/ready says 503 "database" within 1.5 s of a cut or a silent network, and 200 again once it is back, without a restart', async () => {
    const ready = async () => {
      const started = Date.now();
      const res = await fetch(`${app.baseUrl}/api/ready`, { signal: AbortSignal.timeout(10_000) });
      return {
        status: res.status,
        body: await res.text(),
        ms: Date.now() - started,
        noStore: res.headers.get('cache-control') === 'no-store',
      };
    };
    await expect.poll(async () => (await ready()).status, { timeout: 30_000, interval: 500 }).toBe(200);
    const unavailable = { status: 503, body: '{"status":"unavailable","reason":"database"}', noStore: true };

    // Connections dropped: the probe fails at once.
    await proxy.cut();
    const cut = await ready();
    expect(cut).toMatchObject(unavailable);
    expect(cut.ms).toBeLessThan(1_500);
    await proxy.restore();
    await expect.poll(async () => (await ready()).status, { timeout: 30_000, interval: 500 }).toBe(200);

    // Packets silently dropped: the probe query hangs, the 1 s bound answers; probes keep coming meanwhile.
    proxy.freeze();
    const probes = [];
    for (let i = 0; i < 5; i++) probes.push(await ready());
    for (const silent of probes) {
      expect(silent).toMatchObject(unavailable);
      expect(silent.ms).toBeLessThan(1_500);
    }
    // The first one waited for its query (the bound fired, not an error): the relay really went silent.
    expect(probes[0]!.ms).toBeGreaterThanOrEqual(900);
    proxy.thaw();
    await expect.poll(async () => (await ready()).status, { timeout: 30_000, interval: 500 }).toBe(200);
    // Liveness never asked the database.
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
  });
});
