// Load generation and reporting for the bench: autocannon runs, interleaved comparisons, the table.
import autocannon from 'autocannon';

export const log = (msg) => console.log(`bench: ${msg}`);

/** Fails the bench when a URL does not answer 200 with the expected text: a redirect to /login would be fast and meaningless. */
export async function check(url, headers, text) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  const body = await res.text();
  if (res.status !== 200 || !body.includes(text))
    throw new Error(`GET ${url} → ${res.status}, expected 200 containing ${JSON.stringify(text)}`);
  return body;
}

/** One autocannon run; every response's latency (ms) and size are kept so runs can be pooled. */
export function cannon(url, headers, connections, seconds) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let bytes = 0;
    const instance = autocannon({ url, headers, connections, duration: seconds }, (err, result) => {
      if (err) return reject(err);
      if (result.errors || result.timeouts || result.non2xx) {
        return reject(
          new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`),
        );
      }
      resolve({ requests: latencies.length, seconds, latencies, bytes });
    });
    instance.on('response', (_client, _status, resBytes, responseTime) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}

export function percentile(sorted, p) {
  // No answer at all in the window (a cold server on a loaded machine): NaN, printed, instead of a crash.
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function stats(latencies, seconds) {
  const sorted = [...latencies].sort((x, y) => x - y);
  return {
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    requests: latencies.length,
  };
}

/**
 * URLs measured alternately, A B … B A (so a drift in the machine's load, e.g. other processes on a
 * shared box, weighs on all alike), after a warm-up of each; the two runs of each URL are pooled.
 */
export async function compare(targets, { connections, warmup, duration }) {
  for (const t of targets) await cannon(t.url, t.headers, connections, warmup);
  const pooled = new Map(targets.map((t) => [t, { seconds: 0, latencies: [], bytes: 0 }]));
  for (const t of [...targets, ...[...targets].reverse()]) {
    const r = await cannon(t.url, t.headers, connections, duration / 2);
    const p = pooled.get(t);
    p.seconds += r.seconds;
    p.bytes += r.bytes;
    p.latencies.push(...r.latencies);
  }
  return targets.map((t) => {
    const p = pooled.get(t);
    const s = stats(p.latencies, p.seconds);
    log(
      `${t.label}: ${s.rps.toFixed(1)} req/s, latency p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms ` +
        `(${s.requests} requests, ${Math.round(p.bytes / Math.max(1, s.requests) / 1024)} KiB each)`,
    );
    return s;
  });
}

export function printTable(rows) {
  const head = ['id', 'what', 'measured', 'target', 'result'];
  const cells = [
    head,
    ...rows.map((r) => [r.id, r.what, r.measured, r.target, r.pass === null ? 'info' : r.pass ? 'PASS' : 'WARN']),
  ];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((s, i) => s.padEnd(widths[i])).join(' | ')} |`;
  console.log('');
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells.slice(1)) console.log(line(c));
  console.log('');
}

/** One page's weight: the HTML document and the RSC payload of a client-side navigation to it, in bytes. */
export async function weigh(url, headers) {
  const html = await fetch(url, { headers, redirect: 'manual' });
  const htmlBytes = (await html.arrayBuffer()).byteLength;
  // Next answers an RSC request without its `_rsc` cache-busting parameter with a redirect to the URL that has it.
  const rsc = await fetch(url, { headers: { ...headers, RSC: '1' } });
  const rscBytes = (await rsc.arrayBuffer()).byteLength;
  if (html.status !== 200 || rsc.status !== 200) throw new Error(`weight of ${url}: ${html.status} / ${rsc.status}`);
  return { htmlBytes, rscBytes, total: htmlBytes + rscBytes };
}
export const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
