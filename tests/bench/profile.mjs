// `node tests/bench/profile.mjs [path] [family|provider|office]`: a CPU profile of `next start` (production
// build in .next) while autocannon loads one page as a demo account (default /sessione as Anna Rossi; `voucher`
// is her first voucher page, `file` the office queue's first conversion file), summarised by where the busy
// time goes. PostgreSQL when DATABASE_URL is set (a fresh bsp_prof_* database), else PGlite.
// Writes the raw .cpuprofile files to a temp folder (printed) for Chrome DevTools.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import postgres from 'postgres';

const target = process.argv[2] ?? '/sessione';
const ACCOUNTS = { family: 'RSSNNA85M41L378F', provider: 'FRRLCU75B10L378M', office: 'CNTCHR80T52L378Z' };
const as = process.argv[3] ?? (target === 'file' ? 'office' : 'family');
if (!ACCOUNTS[as]) throw new Error(`unknown account ${as}: family, provider or office`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsp-prof-'));
const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
let dbEnv = { DATABASE_URL: '', PGLITE_DIR: path.join(tmp, 'pglite') };
let dropDb = async () => {};
if (process.env.DATABASE_URL) {
  const name = `bsp_prof_${randomBytes(4).toString('hex')}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  dbEnv = { DATABASE_URL: u.toString(), PGLITE_DIR: path.join(tmp, 'pglite') };
  dropDb = async () => {
    const a = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists "${name}" with (force)`);
    await a.end();
  };
}
const env = {
  ...process.env,
  ...dbEnv,
  NODE_ENV: 'production',
  DEMO_MODE: '1',
  OUTBOX_POLL: '0',
  AUTH_SECRET: randomBytes(32).toString('hex'),
  APP_URL: base,
  FILE_STORAGE: 'local',
  FILES_DIR: path.join(tmp, 'files'),
  NEXT_TELEMETRY_DISABLED: '1',
  // Staff sign in with a password alone here, as in the bench (no TOTP step to script).
  STAFF_MFA: 'optional',
};
await new Promise((resolve, reject) => {
  const c = spawn('npx', ['tsx', '--conditions=react-server', 'tests/bench/seed-bench.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`))));
});
const profDir = path.join(tmp, 'profiles');
const server = spawn(
  'node',
  [
    '--cpu-prof',
    `--cpu-prof-dir=${profDir}`,
    'node_modules/next/dist/bin/next',
    'start',
    '-p',
    String(port),
    '-H',
    '127.0.0.1',
  ],
  {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 400) throw new Error('next start did not come up');
    await sleep(300);
  }
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({
      csrfToken,
      codiceFiscale: ACCOUNTS[as],
      password: 'Trento-Buoni-2020',
    }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let url = `${base}${target}`;
  if (target === 'voucher') {
    const html = await (await fetch(`${base}/famiglia`, { headers: { cookie } })).text();
    url = `${base}${/href="(\/famiglia\/buoni\/[0-9a-f-]{36})"/.exec(html)[1]}`;
  }
  if (target === 'file') {
    const html = await (await fetch(`${base}/ufficio`, { headers: { cookie } })).text();
    url = `${base}${/href="(\/ufficio\/pratiche\/[^"]+)"/.exec(html)[1]}`;
  }
  const check = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  if (check.status !== 200) throw new Error(`${url} → ${check.status}`);
  await autocannon({ url, headers: { cookie }, connections: 20, duration: 3 });
  const r = await autocannon({ url, headers: { cookie }, connections: 20, duration: 15 });
  console.log(`${url}: ${(r.requests.total / 15).toFixed(1)} req/s under the profiler`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  await dropDb();
}
await sleep(500);
// Self time per function, grouped by package (node_modules/<pkg>) or by the app's own code.
const totals = new Map();
let busy = 0;
for (const f of readdirSync(profDir)) {
  const p = JSON.parse(readFileSync(path.join(profDir, f), 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  p.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  for (const [id, us] of dt) {
    const { functionName, url } = byId.get(id).callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') {
      if (functionName !== '(idle)') totals.set(functionName, (totals.get(functionName) ?? 0) + us);
      if (functionName !== '(idle)') busy += us;
      continue;
    }
    busy += us;
    const pkg =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.startsWith('node:') ? url : url.includes('.next/') ? 'app bundle (.next)' : url ? 'other' : '(native)');
    const key = `${pkg} :: ${functionName || '(anonymous)'}`;
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
}
const byPkg = new Map();
for (const [k, us] of totals) {
  const pkg = k.includes(' :: ') ? k.split(' :: ')[0] : k;
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / busy).toFixed(1)} %`;
console.log(`busy time ${(busy / 1e6).toFixed(1)} s; by package:`);
for (const [k, us] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`  ${pct(us).padStart(7)}  ${k}`);
console.log('top functions (self time):');
for (const [k, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`  ${pct(us).padStart(7)}  ${k}`);
console.log(`profiles: ${profDir}`);
