// `node tests/bench/pages.mjs`: the bench's W rows (and, with BENCH_PAGES_P1=1, its P1 rows) for the staff
// pages only, on the demo data and then on the bench's data (seed-scale.ts at P3's small size), without the
// whole bench's P2–P6. Issue 20 measured each step of the provider dashboard and office queue with it.
//
//   node tests/bench/pages.mjs                                   # PGlite, weights only
//   BENCH_PAGES_P1=1 DATABASE_URL=postgres://… node tests/bench/pages.mjs   # and req/s ÷ floor
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, signIn } from './lib/browser.mjs';
import { check, compare, kib, log, printTable, weigh } from './lib/measure.mjs';
import {
  cleanup,
  appEnv,
  cleanups,
  ensureBuild,
  lastJson,
  prepareDatabase,
  requireFloorBuild,
  startServer,
  tsx,
} from './lib/server.mjs';

const CF = { provider: 'FRRLCU75B10L378M', office: 'CNTCHR80T52L378Z' };
const P1 = { connections: 20, warmup: 2, duration: 8 };
const SCALE = Number(process.env.BENCH_PAGES_SCALE ?? 1_000);

async function measure(env, dataLabel) {
  const server = await startServer(env);
  const browser = await launch();
  try {
    const provider = await signIn(browser, server.baseUrl, CF.provider, '/erogatore');
    const office = await signIn(browser, server.baseUrl, CF.office, '/ufficio');
    const base = server.baseUrl;
    const targets = [
      { key: 'floor', label: 'floor', url: `${base}/bench/floor`, headers: {}, text: 'RIF-20' },
      {
        key: 'provider',
        label: 'provider dashboard /erogatore',
        url: `${base}/erogatore`,
        headers: { cookie: provider.cookie },
        text: 'Cruscotto del soggetto erogatore',
      },
      {
        key: 'office',
        label: 'office queue /ufficio',
        url: `${base}/ufficio`,
        headers: { cookie: office.cookie },
        text: 'Richieste di convalida',
      },
    ];
    const all = await fetch(`${base}/erogatore/pes`, { headers: { cookie: provider.cookie }, redirect: 'manual' });
    if (all.status === 200)
      targets.push({
        key: 'all',
        label: 'provider Tutti i PES /erogatore/pes',
        url: `${base}/erogatore/pes`,
        headers: { cookie: provider.cookie },
        text: 'Tutti i PES',
      });
    for (const t of targets) {
      const body = await check(t.url, t.headers, t.text);
      // BENCH_PAGES_SAVE=<folder>: each page's HTML kept, to read what weighs.
      if (process.env.BENCH_PAGES_SAVE)
        writeFileSync(path.join(process.env.BENCH_PAGES_SAVE, `${dataLabel.split(' ')[0]}-${t.key}.html`), body);
    }
    const rows = [];
    const weights = {};
    for (const t of targets) weights[t.key] = await weigh(t.url, t.headers);
    const p1 = process.env.BENCH_PAGES_P1 ? await compare(targets, P1) : null;
    for (const [i, t] of targets.entries()) {
      const w = weights[t.key];
      const r = w.total / weights.floor.total;
      rows.push({
        id: 'W',
        what: `${dataLabel}: weight ${t.label} ÷ floor`,
        measured: `${r.toFixed(2)} (HTML ${kib(w.htmlBytes)} + RSC ${kib(w.rscBytes)} = ${kib(w.total)})`,
        target: t.key === 'floor' ? '—' : '≤ 4',
        pass: t.key === 'floor' ? null : r <= 4,
      });
      if (p1 && t.key !== 'floor') {
        const ratio = p1[i].rps / p1[0].rps;
        rows.push({
          id: 'P1',
          what: `${dataLabel}: ${t.label} req/s ÷ floor`,
          measured: `${ratio.toFixed(2)} (${p1[i].rps.toFixed(1)} / ${p1[0].rps.toFixed(1)} req/s)`,
          target: '≥ 0.50',
          pass: ratio >= 0.5,
        });
      }
    }
    return rows;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  requireFloorBuild();
  await ensureBuild();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsp-pages-'));
  cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));
  const database = await prepareDatabase(tmp);
  const env = appEnv(database, tmp);
  log(
    `database: ${database.kind}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  lastJson(await tsx('seed-bench.ts', [], env));
  const rows = await measure(env, 'demo data');
  log(`seeding ${SCALE} synthetic conversions and PES (seed-scale.ts)…`);
  lastJson(await tsx('seed-scale.ts', [String(SCALE)], env));
  rows.push(...(await measure(env, `bench data (${SCALE})`)));
  printTable(rows);
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  console.error(`pages: FAILED: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
