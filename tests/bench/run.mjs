// `npm run bench`: performance figures of the production build, printed as ratios (quality.md,
// Performance, P1–P5), one table from one run. It never fails on a figure: a figure off its target is a
// WARN; the exit code is non-zero only when the benchmark itself broke.
//
//   npm run bench                                                        # embedded PGlite
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # PostgreSQL: a fresh bsp_bench_* database on that server
//
// P1  each page's throughput against the floor /bench/floor — a dynamic page of the same build rendering
//     20 rows with no session, no database and no proxy work (20 connections): /sessione ≥ 0.70, every
//     role's main page ≥ 0.50 (family voucher page, provider dashboard, office queue, conversion file), the
//     family's receipt ≥ 0.60 (issue 20), anonymous /login ≥ 0.80; /api/ping for reference.
// P2  a voucher with 60 PES vs one with 3: SQL statements of the page's read function (equal), p50/p99 ≤ 1.5×.
// P3  office queue (first page, a filtered page), provider dashboard and "Tutti i PES" searched, at
//     100 000 vs 1 000 conversions / PES for Il Germoglio: p50 latency ≤ 2×, and EXPLAIN of every
//     statement their read functions issue shows no sequential scan of a big table.
// P4  OTP confirmation → submitted, posted as the signing form without JavaScript by 20 signers at once:
//     p99 ≤ 3× the floor's p99 (at 20 connections).
// P5  each family page's client JavaScript (compressed bytes of script responses, first visit in
//     Chromium) ≤ 1.3× the smallest family page's.
// W   page weights: each P1 page's HTML bytes and RSC payload bytes (the `RSC: 1` response a client-side
//     navigation fetches), uncompressed; role pages ≤ 4× the floor's total, /login and /sessione ≤ 2×.
// P6  PostgreSQL only: the opening-day surge, 2 000 families (tests/bench/seed-surge.ts), 200 connections for
//     60 s, each loading /famiglia then its voucher page; every body checked for other families' identifiers;
//     zero 5xx other than the admission gate's 503, no request over 10 s; then 200 password sign-ins at once.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, signIn, scriptBytes, voucherPath } from './lib/browser.mjs';
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
import { confirmAll } from './lib/signers.mjs';
import { signInAll, surge } from '../support/surge.mjs';

const CF = { anna: 'RSSNNA85M41L378F', provider: 'FRRLCU75B10L378M', office: 'CNTCHR80T52L378Z' };
const FEW = 'BS-2020-0001';
const MANY = 'BS-2020-9060';
const P1 = { connections: 20, warmup: 2, duration: 8 };
const P2 = { connections: 10, warmup: 2, duration: 5 };
const P3 = {
  connections: 10,
  warmup: 2,
  duration: 4,
  small: 1_000,
  large: Number(process.env.BENCH_P3_LARGE ?? 100_000),
};
const P4 = { connections: 20, signers: 200 };
const P6 = {
  families: Number(process.env.BENCH_P6_FAMILIES ?? 2_000),
  connections: Number(process.env.BENCH_P6_CONNECTIONS ?? 200),
  seconds: Number(process.env.BENCH_P6_SECONDS ?? 60),
  signIns: 200,
};

/** A codice fiscale of the synthetic P3 families (exists at both sizes): the searches type it. */
const SEARCH_CF = 'BNF0000000000123';

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const ratioRow = (id, what, value, target, pass, detail) => ({
  id,
  what,
  measured: `${value.toFixed(2)} (${detail})`,
  target,
  pass,
});

/** P3's four pages at the current size. */
async function measureP3(baseUrl, headers) {
  const targets = [
    {
      label: 'office queue, first page',
      url: `${baseUrl}/ufficio`,
      headers: headers.office,
      text: 'Richieste di convalida',
    },
    {
      label: 'office queue, misura=estivi',
      url: `${baseUrl}/ufficio?misura=estivi`,
      headers: headers.office,
      text: 'Richieste di convalida',
    },
    { label: 'provider dashboard', url: `${baseUrl}/erogatore`, headers: headers.provider, text: 'Tutti i PES' },
    {
      // Issue 20: the search's results are on "Tutti i PES" (/erogatore/pes), no longer on the dashboard.
      label: 'provider Tutti i PES, search',
      url: `${baseUrl}/erogatore/pes?q=${SEARCH_CF}`,
      headers: headers.provider,
      text: SEARCH_CF,
    },
  ];
  for (const t of targets) await check(t.url, t.headers, t.text);
  return { targets, stats: await compare(targets, P3) };
}

async function explain(env) {
  const plans = lastJson(await tsx('explain-scale.ts', [], env));
  for (const p of plans)
    log(
      `  EXPLAIN ${p.label}: ${p.statements} statements; indexes ${p.indexes.join(', ')}${p.seqScans.length ? `; SEQ SCAN ON ${p.seqScans.join(', ')}` : ''}`,
    );
  return plans;
}

async function main() {
  const started = Date.now();
  requireFloorBuild();
  await ensureBuild();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bsp-bench-'));
  cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));
  const database = await prepareDatabase(tmp);
  const env = appEnv(database, tmp);
  log(
    `database: ${database.kind}; ${os.cpus().length} CPUs; node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  // Data, statement counts and plans first: PGlite has no file lock, so nothing else may hold it while the app runs.
  log(`seeding the demo data (office demo included) and ${MANY} (60 PES)…`);
  const seeded = lastJson(await tsx('seed-bench.ts', [], env));
  log(`P3: ${P3.small} synthetic conversions, and as many PES for Il Germoglio (generate_series)…`);
  const small = lastJson(await tsx('seed-scale.ts', [String(P3.small)], env));
  log(`  ${JSON.stringify(small)}`);
  log(`P4: ${P4.signers} families with a conversion ready to sign and a live OTP code…`);
  const signing = lastJson(await tsx('prepare-signers.ts', [String(P4.signers)], env));
  const postgresRun = Boolean(process.env.DATABASE_URL);
  let surgeData = null;
  if (postgresRun) {
    log(`P6: ${P6.families} families, each with its own voucher, and their sessions…`);
    surgeData = lastJson(await tsx('seed-surge.ts', [String(P6.families)], env));
  }
  log('counting SQL statements of getFamilyVoucherFile…');
  const counts = lastJson(await tsx('count-statements.ts', [seeded.holderId, seeded.few.id, seeded.many.id], env));
  const few = { ...seeded.few, ...counts[seeded.few.id] };
  const many = { ...seeded.many, ...counts[seeded.many.id] };
  log(`${FEW}: ${few.pes} PES, ${few.statements} statements; ${MANY}: ${many.pes} PES, ${many.statements} statements`);
  log(`P3: EXPLAIN at ${P3.small}`);
  const plansSmall = await explain(env);

  log('starting next start…');
  let server = await startServer(env);
  const browser = await launch();
  cleanups.push(() => browser.close());
  const anna = await signIn(browser, server.baseUrl, CF.anna, '/famiglia');
  const fewPath = await voucherPath(anna.page, FEW);
  const manyPath = await voucherPath(anna.page, MANY);
  if (fewPath !== `/famiglia/buoni/${few.id}` || manyPath !== `/famiglia/buoni/${many.id}`)
    throw new Error(`unexpected voucher links: ${fewPath}, ${manyPath}`);
  const submittedFamily = await signIn(browser, server.baseUrl, seeded.submitted.codiceFiscale, '/famiglia');
  const submittedPath = await voucherPath(submittedFamily.page, seeded.submitted.voucherNumber, { signed: true });
  const provider = await signIn(browser, server.baseUrl, CF.provider, '/erogatore');
  const office = await signIn(browser, server.baseUrl, CF.office, '/ufficio');
  const fileHref = await office.page.locator('a[href^="/ufficio/pratiche/"]').first().getAttribute('href');
  const headers = {
    anna: { cookie: anna.cookie },
    provider: { cookie: provider.cookie },
    office: { cookie: office.cookie },
    submitted: { cookie: submittedFamily.cookie },
  };

  const base = server.baseUrl;
  const url = {
    floor: `${base}/bench/floor`,
    sessione: `${base}/sessione`,
    few: `${base}${fewPath}`,
    many: `${base}${manyPath}`,
    provider: `${base}/erogatore`,
    office: `${base}/ufficio`,
    file: `${base}${fileHref}`,
    receipt: `${base}${submittedPath}/ricevuta`,
    login: `${base}/login`,
    ping: `${base}/api/ping`,
  };
  await check(url.ping, headers.anna, '"ok":true');
  const anonymous = await fetch(url.ping);
  if (anonymous.status !== 401) throw new Error(`/api/ping without a session → ${anonymous.status}, expected 401`);
  await check(url.sessione, headers.anna, 'Sessione attiva');
  await check(url.few, headers.anna, `${FEW}/3`);
  await check(url.many, headers.anna, `${MANY}/60`);
  await check(url.provider, headers.provider, 'Cruscotto del soggetto erogatore');
  await check(url.office, headers.office, 'Richieste di convalida');
  await check(url.file, headers.office, 'MPES-');
  await check(url.receipt, headers.submitted, 'Ricevuta della richiesta di convalida');
  await check(url.login, {}, 'Accedi');
  await check(url.floor, {}, 'RIF-20');

  // P5 first, on a quiet server: each family page in a fresh context (empty cache).
  log('P5: client JavaScript of each family page (Chromium, first visit)');
  const familyPages = [
    ['/famiglia', '/famiglia', anna.cookies],
    ['voucher page', fewPath, anna.cookies],
    ['babysitting PES', `${fewPath}/babysitting`, anna.cookies],
    ['summer PES', `${fewPath}/estivi`, anna.cookies],
    ['signing (invio)', `${fewPath}/invio`, anna.cookies],
    ['receipt (ricevuta)', `${submittedPath}/ricevuta`, submittedFamily.cookies],
  ];
  const js = [];
  for (const [label, p, cookies] of familyPages) {
    const r = await scriptBytes(browser, `${base}${p}`, cookies);
    if (r.status !== 200 || new URL(r.finalUrl).pathname !== p)
      throw new Error(`P5: ${p} → ${r.status} at ${r.finalUrl}`);
    log(`  ${label} (${p}): ${r.scripts} scripts, ${(r.bytes / 1024).toFixed(1)} KiB compressed`);
    js.push({ label, ...r });
  }

  log(`P1: ${P1.connections} connections, ${P1.warmup} s warm-up each, then ${P1.duration} s each, interleaved`);
  const p1Targets = [
    {
      key: 'floor',
      label: '/bench/floor (floor: 20 rows, no session, no database, no proxy)',
      url: url.floor,
      headers: {},
    },
    {
      key: 'sessione',
      label: '/sessione (trivial authenticated page)',
      url: url.sessione,
      headers: headers.anna,
      target: 0.7,
    },
    { key: 'few', label: `family: voucher page ${FEW}`, url: url.few, headers: headers.anna, target: 0.5 },
    { key: 'receipt', label: 'family: receipt page', url: url.receipt, headers: headers.submitted, target: 0.6 },
    {
      key: 'provider',
      label: 'provider: dashboard /erogatore',
      url: url.provider,
      headers: headers.provider,
      target: 0.5,
    },
    { key: 'office', label: 'office: queue /ufficio', url: url.office, headers: headers.office, target: 0.5 },
    { key: 'file', label: 'office: conversion file', url: url.file, headers: headers.office, target: 0.5 },
    { key: 'login', label: '/login (anonymous)', url: url.login, headers: {}, target: 0.8 },
    // Not a target: the same session check without any page rendering.
    {
      key: 'ping',
      label: '/api/ping (route handler, for reference)',
      url: url.ping,
      headers: headers.anna,
      target: null,
    },
  ];
  const p1 = Object.fromEntries((await compare(p1Targets, P1)).map((s, i) => [p1Targets[i].key, s]));

  log('W: page weights (HTML + RSC payload, uncompressed)');
  const weights = {};
  for (const t of p1Targets.filter((x) => x.key !== 'ping')) {
    weights[t.key] = await weigh(t.url, t.headers);
    const w = weights[t.key];
    log(`  ${t.label.replace(/ \(.*\)$/, '')}: HTML ${kib(w.htmlBytes)} + RSC ${kib(w.rscBytes)} = ${kib(w.total)}`);
  }

  log(`P2: ${P2.connections} connections, ${P2.warmup} s warm-up each, then ${P2.duration} s each in A B B A order`);
  const [p2few, p2many] = await compare(
    [
      { label: `voucher page ${FEW} (${few.pes} PES)`, url: url.few, headers: headers.anna },
      { label: `voucher page ${MANY} (${many.pes} PES)`, url: url.many, headers: headers.anna },
    ],
    P2,
  );

  log(`P4: ${P4.signers} OTP confirmations, ${P4.connections} at a time (the signing form, posted without JavaScript)`);
  const p4 = await confirmAll(base, signing.signers, signing.code, P4.connections);
  log(
    `  ${p4.requests} confirmations: p50 ${p4.p50.toFixed(0)} ms, p99 ${p4.p99.toFixed(0)} ms; ${p4.failures.length} failed`,
  );
  if (p4.failures.length) throw new Error(`P4: confirmations failed: ${p4.failures.slice(0, 3).join('; ')}`);

  log(
    `P3 at ${P3.small}: ${P3.connections} connections, ${P3.warmup} s warm-up each, then ${P3.duration} s each, interleaved`,
  );
  const p3small = await measureP3(base, headers);
  // P6 on the warm server, before P3 grows the data (it needs none of P3's rows).
  let p6 = null;
  let p6signIns = null;
  if (surgeData) {
    log(
      `P6: the opening-day surge, ${P6.connections} connections for ${P6.seconds} s over ${surgeData.families.length} families`,
    );
    p6 = await surge(base, surgeData.families, {
      connections: P6.connections,
      durationMs: P6.seconds * 1000,
    });
    log(
      `  ${p6.requests} requests, ${p6.rps.toFixed(1)} req/s, p50 ${p6.p50.toFixed(0)} ms, p99 ${p6.p99.toFixed(0)} ms, ` +
        `max ${p6.max.toFixed(0)} ms; ${p6.ok} own pages, ${p6.shed} busy 503, ${p6.errors.length} errors, ` +
        `${p6.crossFamily.length} cross-family, ${p6.unexpected.length} unexpected`,
    );
    for (const e of [...p6.errors, ...p6.crossFamily, ...p6.unexpected].slice(0, 10)) log(`    ${e}`);
    log(`P6: ${P6.signIns} password sign-ins at once`);
    p6signIns = await signInAll(
      server.baseUrl,
      surgeData.families.slice(0, P6.signIns),
      surgeData.password,
      P6.signIns,
    );
    log(
      `  p50 ${p6signIns.p50.toFixed(0)} ms, p99 ${p6signIns.p99.toFixed(0)} ms; ${p6signIns.shed} busy 503, ` +
        `${p6signIns.failures.length} failed`,
    );
    for (const e of p6signIns.failures.slice(0, 5)) log(`    ${e}`);
  } else log('P6: PostgreSQL only (set DATABASE_URL)');
  await server.stop();

  log(
    `P3: growing to ${P3.large} conversions and ${P3.large} PES for Il Germoglio (generate_series; the app is stopped)…`,
  );
  const large = lastJson(await tsx('seed-scale.ts', [String(P3.large)], env));
  log(`  ${JSON.stringify(large)}`);
  log(`P3: EXPLAIN at ${P3.large}`);
  const plansLarge = await explain(env);
  server = await startServer(env);
  log(`P3 at ${P3.large}: same pages, same sessions`);
  const p3large = await measureP3(server.baseUrl, headers);
  await server.stop();

  const floor = p1.floor;
  const rows = [];
  for (const t of p1Targets.slice(1)) {
    const s = p1[t.key];
    const ratio = s.rps / floor.rps;
    rows.push(
      ratioRow(
        t.target === null ? 'info' : 'P1',
        `${t.label.replace(/ \(.*\)$/, '')} req/s ÷ floor`,
        ratio,
        t.target === null ? '—' : `≥ ${t.target.toFixed(2)}`,
        t.target === null ? null : ratio >= t.target,
        `${s.rps.toFixed(1)} / ${floor.rps.toFixed(1)} req/s`,
      ),
    );
  }
  rows.push({
    id: 'P2',
    what: `SQL statements, ${many.pes} PES vs ${few.pes} PES`,
    measured: `${many.statements} vs ${few.statements}`,
    target: 'equal',
    pass: many.statements === few.statements,
  });
  for (const k of ['p50', 'p99']) {
    const r = p2many[k] / p2few[k];
    rows.push(
      ratioRow(
        'P2',
        `voucher page latency ${k}, ${many.pes} ÷ ${few.pes} PES`,
        r,
        '≤ 1.5',
        r <= 1.5,
        `${p2many[k].toFixed(0)} / ${p2few[k].toFixed(0)} ms`,
      ),
    );
  }
  for (const [i, t] of p3small.targets.entries()) {
    const r = p3large.stats[i].p50 / p3small.stats[i].p50;
    rows.push(
      ratioRow(
        'P3',
        `${t.label} p50, ${P3.large} ÷ ${P3.small}`,
        r,
        '≤ 2',
        r <= 2,
        `${p3large.stats[i].p50.toFixed(0)} / ${p3small.stats[i].p50.toFixed(0)} ms`,
      ),
    );
  }
  const seq = plansLarge.filter((p) => p.seqScans.length);
  rows.push({
    id: 'P3',
    what: `EXPLAIN at ${P3.large}: seq scans of big tables in ${plansLarge.length} read paths`,
    measured: seq.length
      ? seq.map((p) => `${p.label}: ${p.seqScans.join(',')}`).join('; ')
      : `none (${plansLarge.reduce((a, p) => a + p.statements, 0)} statements)`,
    target: 'none',
    pass: seq.length === 0,
  });
  // At 1 000 rows a sequential scan of a small table is the planner's right choice: for information only.
  rows.push({
    id: 'info',
    what: `EXPLAIN at ${P3.small}: read paths with a seq scan`,
    measured: `${plansSmall.filter((p) => p.seqScans.length).length} of ${plansSmall.length}`,
    target: '—',
    pass: null,
  });
  const p4ratio = p4.p99 / floor.p99;
  rows.push(
    ratioRow(
      'P4',
      `OTP confirm p99 (${P4.connections} signers) ÷ floor p99`,
      p4ratio,
      '≤ 3',
      p4ratio <= 3,
      `${p4.p99.toFixed(0)} / ${floor.p99.toFixed(0)} ms; p50 ${p4.p50.toFixed(0)} ms`,
    ),
  );
  const smallest = Math.min(...js.map((j) => j.bytes));
  for (const j of js) {
    const r = j.bytes / smallest;
    rows.push(
      ratioRow(
        'P5',
        `client JS, ${j.label} ÷ smallest family page`,
        r,
        '≤ 1.3',
        r <= 1.3,
        `${(j.bytes / 1024).toFixed(1)} KiB in ${j.scripts} scripts`,
      ),
    );
  }
  const floorWeight = weights.floor.total;
  for (const t of p1Targets.filter((x) => x.key !== 'ping' && x.key !== 'floor')) {
    const w = weights[t.key];
    const budget = t.key === 'login' || t.key === 'sessione' ? 2 : 4;
    const r = w.total / floorWeight;
    rows.push(
      ratioRow(
        'W',
        `weight ${t.label.replace(/ \(.*\)$/, '')} ÷ floor`,
        r,
        `≤ ${budget}`,
        r <= budget,
        `HTML ${kib(w.htmlBytes)} + RSC ${kib(w.rscBytes)}; floor ${kib(floorWeight)}`,
      ),
    );
  }
  if (p6) {
    rows.push({
      id: 'P6',
      what: `surge: ${P6.families} families, ${P6.connections} conn., ${P6.seconds} s — errors, cross-family`,
      measured: `${p6.errors.length + p6.unexpected.length} errors, ${p6.crossFamily.length} cross-family; ${p6.shed} busy 503 of ${p6.requests}`,
      target: '0, 0',
      pass: p6.errors.length + p6.unexpected.length === 0 && p6.crossFamily.length === 0,
    });
    rows.push({
      id: 'P6',
      what: 'surge: throughput, p50 / p99 / max wait',
      measured: `${p6.rps.toFixed(1)} req/s; ${p6.p50.toFixed(0)} / ${p6.p99.toFixed(0)} / ${p6.max.toFixed(0)} ms`,
      target: 'max ≤ 10 000 ms',
      pass: p6.max <= 10_000,
    });
    rows.push({
      id: 'P6',
      what: `${P6.signIns} password sign-ins at once: failures, p99`,
      measured: `${p6signIns.failures.length} failed, ${p6signIns.shed} busy 503; p50 ${p6signIns.p50.toFixed(0)} ms, p99 ${p6signIns.p99.toFixed(0)} ms`,
      target: '0 failed',
      pass: p6signIns.failures.length === 0,
    });
  }
  printTable(rows);
  log(
    `database ${database.kind}; done in ${Math.round((Date.now() - started) / 1000)} s; load average now ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}. ` + 'WARN is a figure off its target, not a failure.',
  );
}

let exitCode = 0;
try {
  await main();
} catch (e) {
  console.error(`bench: FAILED: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
