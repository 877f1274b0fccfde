// P6, the opening-day surge: many families at once, each loading its own pages; shared by the bench
// (tests/bench/run.mjs) and the CI test (tests/e2e/surge.test.ts). Correctness is checked on every
// response body; the figures are for the bench only.

/** Everything that identifies one synthetic family of tests/bench/seed-surge.ts. */
const IDENTIFIERS = /OND(?:FAM|BIM)\d{2}[A-Z]\d{2}L378[A-Z]|BS-2020-S\d{5}|Ondata\d{5}/g;

/** A documentation address per family (TEST-NET-2): the sign-in throttle counts per client address. */
const addressOf = (i) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`;

/** What a body says about other families: every synthetic identifier in it that is not this family's. */
export function foreignIdentifiers(body, family) {
  const own = new Set([family.codiceFiscale, family.childCf, family.voucherNumber, family.name]);
  return [...new Set(body.match(IDENTIFIERS) ?? [])].filter((id) => !own.has(id));
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : 0;
}

/**
 * `connections` workers; each takes the next family and loads /famiglia then its voucher page, until
 * `durationMs` has passed (bench) or each family has had its turn `rounds` times (CI). A 503 is
 * deliberate when it carries Retry-After and the busy page; any other 5xx is an error; a 200 must name
 * the family's voucher and nobody else's.
 */
export async function surge(baseUrl, families, { connections, durationMs, rounds, timeoutMs = 30_000 }) {
  const latencies = [];
  const out = { ok: 0, shed: 0, errors: [], crossFamily: [], unexpected: [] };
  const total = rounds ? families.length * rounds : Infinity;
  const started = performance.now();
  const end = durationMs ? started + durationMs : Infinity;
  let next = 0;
  const load = async (family, i, path, mustName) => {
    const t0 = performance.now();
    let res;
    let body;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        headers: { cookie: family.cookie, 'x-forwarded-for': addressOf(i) },
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await res.text();
    } catch (e) {
      latencies.push(performance.now() - t0);
      out.errors.push(`${path}: ${e instanceof Error ? e.message : e}`);
      return;
    }
    latencies.push(performance.now() - t0);
    if (res.status === 200) {
      const foreign = foreignIdentifiers(body, family);
      if (foreign.length) out.crossFamily.push(`${family.codiceFiscale} ${path}: ${foreign.slice(0, 5).join(', ')}`);
      else if (mustName && !body.includes(family.voucherNumber))
        out.unexpected.push(`${family.codiceFiscale} ${path}: 200 without ${family.voucherNumber}`);
      else out.ok++;
    } else if (res.status === 503 && res.headers.get('retry-after') && body.includes('molto richiesto')) out.shed++;
    else if (res.status >= 500) out.errors.push(`${path} → ${res.status}`);
    else out.unexpected.push(`${family.codiceFiscale} ${path} → ${res.status} ${res.headers.get('location') ?? ''}`);
  };
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let i = next++; i < total && performance.now() < end; i = next++) {
        const f = families[i % families.length];
        await load(f, i % families.length, '/famiglia', true);
        await load(f, i % families.length, `/famiglia/buoni/${f.voucherId}`, true);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    ...out,
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
}

/**
 * `connections` password sign-ins at once through Auth.js's credentials callback, as the login form posts
 * them (CSRF token and cookie first, untimed): the latency of each POST, the busy 503s, and every refusal.
 */
export async function signInAll(baseUrl, families, password, connections) {
  const latencies = [];
  const failures = [];
  // One after the other (untimed), so the gate never sheds the preparation.
  const prepared = [];
  for (const [i, f] of families.entries()) {
    const res = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { 'x-forwarded-for': addressOf(i) } });
    if (!res.ok) throw new Error(`/api/auth/csrf → ${res.status}`);
    const { csrfToken } = await res.json();
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    prepared.push({ f, i, csrfToken, cookie });
  }
  let shed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let k = next++; k < prepared.length; k = next++) {
        const { f, i, csrfToken, cookie } = prepared[k];
        const t0 = performance.now();
        const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
          method: 'POST',
          headers: { cookie, 'x-forwarded-for': addressOf(i), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ codiceFiscale: f.codiceFiscale, password, csrfToken, callbackUrl: '/famiglia' }),
          redirect: 'manual',
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status === 503 && res.headers.get('retry-after')) {
          shed++;
          continue;
        }
        const location = res.headers.get('location') ?? '';
        const session = res.headers.getSetCookie().some((c) => c.includes('session-token='));
        if (res.status !== 302 || location.includes('error') || !session)
          failures.push(`${f.codiceFiscale} → ${res.status} ${location}`);
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds: (performance.now() - started) / 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    shed,
    failures,
  };
}
