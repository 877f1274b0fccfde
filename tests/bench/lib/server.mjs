// The bench's processes: the production build, a fresh database, `next start`, helper scripts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { log } from './measure.mjs';

const ROOT = process.cwd();

export const cleanups = [];

export async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      console.error(`bench: cleanup failed: ${e instanceof Error ? e.message : e}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

/** Runs a command to completion; resolves with its stdout (stderr is passed through). */
export function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out}`)),
    );
  });
}

/** A helper script of tests/bench, run with tsx as the server would load it (react-server). */
export const tsx = (script, args, env) =>
  run('npx', ['tsx', '--conditions=react-server', `tests/bench/${script}`, ...args], env);

/** The last line of a helper's stdout that parses as JSON. */
export function lastJson(out) {
  const line = out
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{') || l.startsWith('['));
  if (!line) throw new Error(`no JSON in output:\n${out}`);
  return JSON.parse(line);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** `next build` processes working in this folder (another engineer's, or the browser tests'). */
function buildsInProgress() {
  if (!existsSync('/proc')) return [];
  const pids = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (/\bnext(\.js)? build\b/.test(cmd) && readlinkSync(`/proc/${pid}/cwd`) === ROOT) pids.push(pid);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return pids;
}

/** The first application source (app/, lib/, db/, proxy.ts, next.config.mjs) changed after `since`, or null. */
function newerThan(since) {
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) {
        const hit = walk(path.join(p, e));
        if (hit) return hit;
      }
      return null;
    }
    return st.mtimeMs > since ? path.relative(ROOT, p) : null;
  };
  for (const p of ['app', 'lib', 'db', 'proxy.ts', 'next.config.mjs', 'package-lock.json']) {
    const full = path.join(ROOT, p);
    const hit = existsSync(full) ? walk(full) : null;
    if (hit) return hit;
  }
  return null;
}

/**
 * /bench/floor exists only in a build made with BENCH_FLOOR=1 (next.config.mjs inlines it; any other build
 * answers 404 there): build with it, and never reuse a build made without it (next build records its config,
 * `env` included, in required-server-files.json).
 */
export function requireFloorBuild() {
  process.env.BENCH_FLOOR = '1';
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const files = path.join(ROOT, '.next', 'required-server-files.json');
  let flag = null;
  try {
    flag = JSON.parse(readFileSync(files, 'utf8')).config?.env?.BENCH_FLOOR ?? null;
  } catch {
    flag = null;
  }
  if (flag !== '1' && existsSync(buildId)) {
    log('the build in .next has no /bench/floor (made without BENCH_FLOOR=1): building again');
    rmSync(buildId);
  }
}

/** A production build that has the baseline routes and is newer than the sources; builds otherwise. */
export async function ensureBuild() {
  const deadline = Date.now() + 5 * 60_000;
  while (buildsInProgress().length) {
    if (Date.now() > deadline)
      throw new Error('a `next build` has been running in this folder for more than 5 minutes');
    log('a `next build` is running in this folder: waiting for it');
    await sleep(5_000);
  }
  const manifest = path.join(ROOT, '.next', 'app-path-routes-manifest.json');
  const routes = existsSync(manifest) ? readFileSync(manifest, 'utf8') : '';
  const hasBaselines =
    routes.includes('"/api/ping/route"') &&
    routes.includes('"/sessione/page"') &&
    routes.includes('"/bench/floor/page"');
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const stale = existsSync(buildId) ? newerThan(statSync(buildId).mtimeMs) : null;
  if (existsSync(buildId) && hasBaselines && !stale) return log('reusing the production build in .next');
  if (stale) log(`${stale} is newer than the build`);
  log('building (npx next build)…');
  await run('npx', ['next', 'build'], { NEXT_TELEMETRY_DISABLED: '1' });
}

/** PostgreSQL: a fresh database on DATABASE_URL's server, dropped at the end. PGlite: a temp folder. */
export async function prepareDatabase(tmp) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { kind: 'pglite', env: { DATABASE_URL: '', PGLITE_DIR: path.join(tmp, 'pglite') } };
  const name = `bsp_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await a.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await a.end();
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { kind: `postgres (${name})`, env: { DATABASE_URL: url.toString(), PGLITE_DIR: path.join(tmp, 'pglite') } };
}

/** The environment of the bench's app, its seed scripts and its helpers, on the prepared database. */
export function appEnv(database, tmp) {
  return {
    ...database.env,
    // Explicit, so the production start accepts a local folder (the seed script and the app share it).
    FILE_STORAGE: 'local',
    FILES_DIR: path.join(tmp, 'files'),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    AUTH_TRUST_HOST: 'true',
    DEMO_MODE: '1',
    // The demo staff have no second factor; the bench measures pages, not the TOTP prompt.
    STAFF_MFA: 'optional',
    OUTBOX_POLL: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    // P6's sign-ins come with one documentation address per family (the throttle counts per address).
    TRUSTED_PROXIES: '1',
  };
}

export async function startServer(env) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production', APP_URL: baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.on('data', (d) => (out += d.toString()));
  child.stderr.on('data', (d) => (out += d.toString()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
    if (!done) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      await exited;
    }
  };
  cleanups.push(stop);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      // The first request also opens (PGlite) the database: wait for a page that reads it.
      const res = await fetch(`${baseUrl}/login`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`next start did not come up:\n${out}`);
    await sleep(300);
  }
  return { baseUrl, logs: () => out, stop };
}
