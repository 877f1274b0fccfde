import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Settings that decide what the app's database and files are: an app that sets one makes its own. */
const OWN_DATA = ['DATABASE_URL', 'PGLITE_DIR', 'FILE_STORAGE', 'FILES_DIR', 'DEMO_MODE'];

/**
 * The run's demo database and files (global-setup.ts), copied into the app's folder when the app starts as
 * the default demo: the app opens them as it opens its own at a restart, and its seed finds the users there.
 * `closed`: the copy made after Anna's closing journey (support/close-annas-pes.ts).
 */
function copyDemoTemplate(dir: string, env: Record<string, string>, closed: boolean): void {
  const made = inject('demoTemplateDir');
  if (!made || OWN_DATA.some((k) => k in env)) {
    if (closed)
      throw new Error('an app after the closing journey starts on the run’s demo database, with no data settings');
    return;
  }
  const template = closed ? `${made}-closed` : made;
  cpSync(path.join(template, 'pglite'), path.join(dir, 'pglite'), { recursive: true });
  if (existsSync(path.join(template, 'files')))
    cpSync(path.join(template, 'files'), path.join(dir, 'files'), { recursive: true });
}

export type AppServer = {
  baseUrl: string;
  stop: () => Promise<void>;
  logs: () => string;
  /** The `next start` server process itself (no npx in between), for tests that signal it. */
  pid: number;
  /** Its exit code (null when a signal ended it), once it has exited. */
  exited: Promise<number | null>;
};

/**
 * `next start` on its own embedded database, seeded with the demo data at start (DEMO_MODE=1):
 * files never share state. The demo staff have no second factor, so journeys run with STAFF_MFA=optional
 * unless a file asks otherwise (tests/e2e/admin-journey.test.ts). `env` overrides the defaults (e.g. DEMO_MODE: 'false'; '' unsets a variable).
 */
export async function startApp(
  env: Record<string, string> = {},
  opts: { port?: number; afterClosing?: boolean } = {},
): Promise<AppServer> {
  // A caller that must register the app's URL elsewhere first (the local SPID/CIE gateway) picks the port itself.
  const port = opts.port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bsp-e2e-'));
  copyDemoTemplate(dir, env, opts.afterClosing === true);
  let out = '';
  // Node runs Next's CLI directly, so a signal sent to `pid` reaches the server and its exit code is the server's.
  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      // A missing message throws instead of showing its key (lib/i18n/strict.ts).
      I18N_STRICT: '1',
      DATABASE_URL: '',
      PGLITE_DIR: path.join(dir, 'pglite'),
      // Explicit: production refuses a local folder it was not told to use (one process here, so it is right).
      FILE_STORAGE: 'local',
      FILES_DIR: path.join(dir, 'files'),
      DEMO_MODE: '1',
      AUTH_SECRET: randomBytes(32).toString('hex'),
      AUTH_TRUST_HOST: 'true',
      APP_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
      STAFF_MFA: 'optional',
      ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace('{port}', String(port))])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/login`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`next start did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  // The first request that reads the database opens the embedded database (initdb, migrations, demo seed):
  // done here, so a test's first sign-in is not timed against the first start on a loaded machine.
  await fetch(`${baseUrl}/dev/outbox`).catch(() => undefined);
  return {
    baseUrl,
    pid: child.pid!,
    exited,
    logs: () => out,
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        // The server drains and closes its database on SIGTERM: wait for it (bounded) before removing its folder.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
