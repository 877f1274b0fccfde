import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/db/open';
import { e2eEnabled } from './support/app-fixture';
import { DEMO_PASSWORD } from './support/browser';
import { sessionCookie } from './support/http';
import { ANNA, CHIARA_CONTI, FRANCESCO_MARINI, GIULIA, LUCA_FERRARI, PAOLO_GALLO } from './support/journeys';
import { startApp, type AppServer } from './support/server';

/**
 * R2 on a real `next start`. Next's own SIGTERM handler ends the process with exit code 143 and no
 * bound on the wait; ours must let every request the server has begun answer in full, commit what
 * those requests write, close the database and exit 0 within 30 s. A second SIGTERM exits at once.
 *
 * "In flight" is made exact: 60 keep-alive connections are opened first (so no request waits in the
 * kernel's accept queue, which closing the listener resets), the batch is sent on them, and SIGTERM
 * goes out when the first answer of the batch starts, by which time the server has read every request.
 * One more sign-in is still uploading its form then, and finishes it a second after the signal.
 */
type Answer =
  { status: number; body: string; setCookies: string[]; endedAt: number } | { error: string; endedAt: number };

function send(
  base: string,
  agent: http.Agent | false,
  p: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  onHeaders?: () => void,
): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(`${base}${p}`, { agent, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      onHeaders?.();
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          setCookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
          endedAt: Date.now(),
        }),
      );
      res.on('error', (e) => resolve({ error: e.message, endedAt: Date.now() }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, endedAt: Date.now() }));
    req.end(init.body);
  });
}

/** A sign-in POST whose body is sent in two parts: the second when `finish` is called. */
function slowSignIn(base: string, form: { headers: Record<string, string>; body: string }) {
  let finish!: () => void;
  const answer = new Promise<Answer>((resolve) => {
    const req = http.request(
      `${base}/api/auth/callback/credentials`,
      { agent: false, method: 'POST', headers: { ...form.headers, 'content-length': String(form.body.length) } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            setCookies: ([] as string[]).concat(res.headers['set-cookie'] ?? []),
            endedAt: Date.now(),
          }),
        );
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message, endedAt: Date.now() }));
    const half = Math.floor(form.body.length / 2);
    req.write(form.body.slice(0, half));
    finish = () => req.end(form.body.slice(half));
  });
  return { answer, finish: () => finish() };
}

/** Auth.js's CSRF token and cookie, fetched beforehand so the sign-in itself is one POST. */
async function signInForm(base: string, cf: string) {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, codiceFiscale: cf, password: DEMO_PASSWORD }).toString(),
  };
}

async function loginsRecorded(pgliteDir: string): Promise<number> {
  const opened = await openDb({ pgliteDir, migrate: false });
  try {
    const r = await opened.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'auth.login_succeeded'`,
    );
    const rows = (Array.isArray(r) ? r : (r as unknown as { rows: Array<{ n: number }> }).rows) as Array<{ n: number }>;
    return rows[0]!.n;
  } finally {
    await opened.close();
  }
}

/** 50 office-queue pages plus five sign-ins on warm keep-alive connections; SIGTERM when the first answer starts. */
async function batchAndSignal(app: AppServer) {
  const base = app.baseUrl;
  const office = await sessionCookie(base, CHIARA_CONTI, DEMO_PASSWORD);
  const forms = await Promise.all(
    [ANNA, GIULIA, LUCA_FERRARI, PAOLO_GALLO, FRANCESCO_MARINI].map((cf) => signInForm(base, cf)),
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: 60 });
  const warm = await Promise.all(Array.from({ length: 60 }, () => send(base, agent, '/api/health')));
  expect(warm.every((a) => 'status' in a && a.status === 200)).toBe(true);

  let signalAt = 0;
  let signalled!: () => void;
  const signalSent = new Promise<void>((r) => (signalled = r));
  const onFirstAnswer = () => {
    if (signalAt) return;
    signalAt = Date.now();
    process.kill(app.pid, 'SIGTERM');
    signalled();
  };
  // One more sign-in whose form is still being uploaded when the signal comes: surely in flight across it.
  const slowForm = await signInForm(base, CHIARA_CONTI);
  const slow = slowSignIn(base, slowForm);
  const pages = Array.from({ length: 50 }, () =>
    send(base, agent, '/ufficio', { headers: { cookie: office } }, onFirstAnswer),
  );
  const signIns = forms.map((f) => send(base, agent, '/api/auth/callback/credentials', f, onFirstAnswer));
  await signalSent;
  setTimeout(slow.finish, 1_000);
  // Right after the signal, on a new connection: refused (the listener is closed) or 503, never 200.
  const ready = await send(base, false, '/api/ready');
  return {
    pages: await Promise.all(pages),
    signIns: [...(await Promise.all(signIns)), await slow.answer],
    ready,
    signalAt,
    agent,
  };
}

describe.skipIf(!e2eEnabled)('R2: graceful shutdown of next start', () => {
  it('SIGTERM: not ready at once, every request in flight answered in full and committed, database closed, exit 0', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bsp-shutdown-'));
    const pgliteDir = path.join(dir, 'pglite');
    // What is under test is the drain, not load shedding: on a busy machine a sign-in may queue longer than
    // the gate's default 8 s, and a busy 503 would be the gate's answer, not a request lost to the signal.
    const app = await startApp({ PGLITE_DIR: pgliteDir, ADMISSION_MAX_WAIT_MS: '60000' });
    try {
      const health = await fetch(`${app.baseUrl}/api/health`);
      expect([health.status, health.headers.get('cache-control'), await health.text()]).toEqual([
        200,
        'no-store',
        '{"status":"ok"}',
      ]);
      const ready = await fetch(`${app.baseUrl}/api/ready`);
      expect([ready.status, ready.headers.get('cache-control'), await ready.text()]).toEqual([
        200,
        'no-store',
        '{"status":"ok"}',
      ]);

      const { pages, signIns, ready: during, signalAt, agent } = await batchAndSignal(app);
      const code = await app.exited;
      const exitedAt = Date.now();
      agent.destroy();

      // The test only proves something if requests were still being answered when the signal came.
      expect(pages.filter((a) => a.endedAt > signalAt).length).toBeGreaterThan(0);
      for (const a of pages) {
        expect('status' in a && a.status, JSON.stringify('error' in a ? a : { status: a.status })).toBe(200);
        if ('body' in a) expect(a.body.trimEnd().endsWith('</html>')).toBe(true);
      }
      for (const a of signIns) {
        expect('status' in a && a.status).toBe(302);
        if ('setCookies' in a) expect(a.setCookies.some((c) => /authjs\.session-token=/.test(c))).toBe(true);
      }
      if ('status' in during)
        expect([during.status, during.body]).toEqual([503, '{"status":"unavailable","reason":"shutting_down"}']);
      else expect(during.error).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/);

      expect(code, app.logs()).toBe(0);
      expect(exitedAt - signalAt).toBeLessThan(30_000);
      // Every sign-in in flight committed its audit row (Chiara's first, then the six in flight).
      expect(await loginsRecorded(pgliteDir)).toBe(1 + signIns.length);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a second SIGTERM exits at once, without waiting for the requests in flight', async () => {
    const app = await startApp();
    try {
      // A client still uploading its sign-in form: the request is in flight until its body ends, which it never does.
      const upload = http.request(`${app.baseUrl}/api/auth/callback/credentials`, {
        agent: false,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      });
      upload.on('error', () => {});
      upload.write('csrfToken=');
      // Answered after the upload's headers were read (same server loop, sent earlier).
      expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);

      process.kill(app.pid, 'SIGTERM');
      await expect.poll(() => app.logs().includes('shutdown: SIGTERM'), { timeout: 10_000, interval: 20 }).toBe(true);
      // The first signal waits for the upload (up to SHUTDOWN_TIMEOUT_MS)…
      const early = await Promise.race([
        app.exited.then(() => 'exited'),
        new Promise((r) => setTimeout(() => r('running'), 1_000)),
      ]);
      expect(early).toBe('running');
      // …the second does not.
      const secondAt = Date.now();
      process.kill(app.pid, 'SIGTERM');
      const code = await app.exited;
      expect(code, app.logs()).toBe(1);
      expect(app.logs()).toContain('secondo SIGTERM: uscita immediata');
      expect(Date.now() - secondAt).toBeLessThan(5_000);
      upload.destroy();
    } finally {
      await app.stop();
    }
  });
});
