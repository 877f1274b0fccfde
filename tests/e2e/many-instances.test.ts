import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protocolYear } from '@/lib/domain/protocol-number';
import { pdf } from '../integration/support/pdfs';
import { actionFormFields, postActionForm } from './support/action-form';
import { e2eEnabled } from './support/app-fixture';
import { DEMO_PASSWORD } from './support/browser';
import { startFakeResend, type FakeResend } from './support/fake-resend';
import { postSignIn, sessionCookie } from './support/http';
import { freshPgDatabase, pgReachable, PG_SERVER, type FreshDatabase } from './support/postgres-database';
import { startApp, type AppServer } from './support/server';
import { TSX } from './support/tsx';

/**
 * R4: two instances of the same build on one PostgreSQL database, each with its own outbox dispatcher, behave
 * as one: sign-in throttling, protocol numbers, session revocation, server actions, documents and the outbox
 * are shared through the database, never through a process. Every wait is bounded by a deadline.
 */
const ANNA = 'RSSNNA85M41L378F';
const GIULIA = 'BNCGLI90C55L378U';
const MARTA = 'VRDMRT82S60L378B';
const SIGNERS = 20;
const NOTIFICATIONS = 200;

const reachable = e2eEnabled && (await pgReachable());
if (e2eEnabled && !reachable && process.env.CI)
  throw new Error(`the many-instances test needs PostgreSQL at ${PG_SERVER}`);

type Signer = { codiceFiscale: string; voucherId: string; cookie: string };

/** tests/bench/prepare-signers.ts against this database: conversions ready to sign, live codes, sessions minted with AUTH_SECRET. */
function prepareSigners(n: number, env: Record<string, string>): Promise<{ code: string; signers: Signer[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['--conditions=react-server', 'tests/bench/prepare-signers.ts', String(n)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out
        .trim()
        .split('\n')
        .reverse()
        .find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`prepare-signers exited with ${code}:\n${err}`));
      else resolve(JSON.parse(line) as { code: string; signers: Signer[] });
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const signInCode = (base: string, location: string) => new URL(location, base).searchParams.get('code') ?? '';

describe.skipIf(!reachable)('R4: two instances on one PostgreSQL database', () => {
  let db: FreshDatabase;
  let sql: postgres.Sql;
  let resend: FakeResend;
  let a: AppServer;
  let b: AppServer;
  let signing: { code: string; signers: Signer[] };
  const secret = randomBytes(32).toString('hex');

  beforeAll(async () => {
    [db, resend] = await Promise.all([freshPgDatabase('bsp_multi'), startFakeResend({ delayMs: 20 })]);
    sql = postgres(db.url, { max: 2, onnotice: () => {} });
    // One signer more than sign: the last one uploads the document (her conversion stays unsigned).
    signing = await prepareSigners(SIGNERS + 1, { DATABASE_URL: db.url, AUTH_SECRET: secret });
    const shared = {
      DATABASE_URL: db.url,
      DEMO_MODE: '',
      MIGRATE_ON_START: 'false',
      FILE_STORAGE: 'database',
      // The same secrets on every instance: a cookie or a sealed secret made by one is read by the other.
      AUTH_SECRET: secret,
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      RESEND_API_KEY: 're_fake_many_instances',
      OUTBOX_POLL: '1',
      OUTBOX_POLL_MS: '250',
      STAFF_MFA: 'optional',
    };
    // Each instance reaches the fake provider under its own path, so the test sees which one delivered what.
    [a, b] = await Promise.all([
      startApp({ ...shared, RESEND_BASE_URL: `${resend.url}/a` }),
      startApp({ ...shared, RESEND_BASE_URL: `${resend.url}/b` }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sql?.end({ timeout: 1 });
    await resend?.close();
    await db?.drop();
  });

  it('shares sign-in throttling: 5 wrong passwords alternating between the instances lock the (account, address) pair on both', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const base = i % 2 === 0 ? a.baseUrl : b.baseUrl;
      const { location, setCookies } = await postSignIn(base, MARTA, `password-sbagliata-${i}-abcdef`);
      expect(setCookies.some((c) => c.includes('session-token='))).toBe(false);
      codes.push(signInCode(base, location));
    }
    // Neither instance alone saw 5 failures (3 on A, 2 on B): only a shared count locks.
    expect(codes.filter((c) => c === 'throttled')).toEqual([]);
    for (const app of [a, b]) {
      const { location, setCookies } = await postSignIn(app.baseUrl, MARTA, DEMO_PASSWORD);
      expect(signInCode(app.baseUrl, location)).toBe('throttled');
      expect(setCookies.some((c) => c.includes('session-token='))).toBe(false);
    }
  });

  it(`gives ${SIGNERS} families signing at once, alternating instances, ${SIGNERS} consecutive protocol numbers`, async () => {
    const year = protocolYear(new Date());
    const [before] = await sql<
      { n: number }[]
    >`select coalesce((select last_number from protocol_counters where year = ${year}), 0)::int as n`;
    const signers = signing.signers.slice(0, SIGNERS);
    const forms = await Promise.all(
      signers.map(async (s, i) => {
        const url = `${(i % 2 === 0 ? a : b).baseUrl}/famiglia/buoni/${s.voucherId}/invio`;
        const page = await fetch(url, { headers: { cookie: s.cookie }, redirect: 'manual' });
        expect(page.status, `${s.codiceFiscale}'s signing page`).toBe(200);
        return { url, cookie: s.cookie, fields: actionFormFields(await page.text(), 'name="code"') };
      }),
    );
    const answers = await Promise.all(
      forms.map(async (f) => {
        const res = await postActionForm(f.url, f.fields, { cookie: f.cookie, extra: [['code', signing.code]] });
        await res.arrayBuffer();
        return `${res.status} ${(res.headers.get('location') ?? '').replace(/^.*\/buoni\/[^/]+/, '')}`;
      }),
    );
    expect(answers).toEqual(Array(SIGNERS).fill('303 /ricevuta'));

    const rows = await sql<{ protocol_number: string | null; status: string }[]>`
      select c.protocol_number, c.status from conversions c join vouchers v on v.id = c.voucher_id
      where v.id in ${sql(signers.map((s) => s.voucherId))}`;
    expect(rows.map((r) => r.status)).toEqual(Array(SIGNERS).fill('submitted'));
    const numbers = rows
      .map((r) => Number(/^MPES-(\d{4})-(\d{6})$/.exec(r.protocol_number ?? '')?.[2]))
      .sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: SIGNERS }, (_, i) => before!.n + 1 + i));
    const [after] = await sql<
      { n: number }[]
    >`select last_number::int as n from protocol_counters where year = ${year}`;
    expect(after!.n).toBe(before!.n + SIGNERS);
    const [submissions] = await sql<{ n: number }[]>`
      select count(*)::int as n from conversion_submissions s join conversions c on c.id = s.conversion_id
      where c.voucher_id in ${sql(signers.map((s) => s.voucherId))}`;
    expect(submissions!.n).toBe(SIGNERS);
  });

  it('refuses on instance B, at the next request, a session signed out on instance A', async () => {
    const cookie = await sessionCookie(a.baseUrl, GIULIA, DEMO_PASSWORD);
    // The session made by A is good on B (same AUTH_SECRET, one database).
    const before = await fetch(`${b.baseUrl}/famiglia`, { headers: { cookie }, redirect: 'manual' });
    expect(before.status).toBe(200);
    const page = await fetch(`${a.baseUrl}/famiglia`, { headers: { cookie }, redirect: 'manual' });
    const logout = await postActionForm(
      `${a.baseUrl}/famiglia`,
      actionFormFields(await page.text(), '>Logout</button>'),
      { cookie },
    );
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toContain('/login?uscita=1');
    // The same cookie, replayed on the other instance: refused.
    const after = await fetch(`${b.baseUrl}/famiglia`, { headers: { cookie }, redirect: 'manual' });
    expect(after.status).toBeGreaterThanOrEqual(300);
    expect(after.status).toBeLessThan(400);
    expect(new URL(after.headers.get('location') ?? '', b.baseUrl).pathname).toBe('/login');
  });

  it("refuses on instance B a session ended through Auth.js's own sign-out endpoint on instance A", async () => {
    const cookie = await sessionCookie(a.baseUrl, GIULIA, DEMO_PASSWORD);
    expect((await fetch(`${b.baseUrl}/famiglia`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    // A script posts to /api/auth/signout directly, as a client could, instead of pressing «Esci».
    const csrf = await fetch(`${a.baseUrl}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const out = await fetch(`${a.baseUrl}/api/auth/signout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${cookie}; ${csrfCookie}` },
      body: new URLSearchParams({ csrfToken }).toString(),
    });
    expect(out.status).toBe(302);
    const after = await fetch(`${b.baseUrl}/famiglia`, { headers: { cookie }, redirect: 'manual' });
    expect(new URL(after.headers.get('location') ?? '', b.baseUrl).pathname).toBe('/login');
  });

  it('accepts on instance B a server-action form rendered by instance A (Anna asks to close a PES)', async () => {
    const cookie = await sessionCookie(a.baseUrl, ANNA, DEMO_PASSWORD);
    const [voucher] = await sql<{ id: string }[]>`select id from vouchers where number = 'BS-2020-0001'`;
    const [target] = await sql<
      { id: string; status: string }[]
    >`select id, status from pes where code = 'BS-2020-0001/1'`;
    expect(target!.status).toBe('active');
    const page = await fetch(`${a.baseUrl}/famiglia/buoni/${voucher!.id}`, { headers: { cookie }, redirect: 'manual' });
    expect(page.status).toBe(200);
    const fields = actionFormFields(await page.text(), 'name="pesIds"');
    const res = await postActionForm(`${b.baseUrl}/famiglia/buoni/${voucher!.id}`, fields, {
      cookie,
      extra: [['pesIds', target!.id]],
    });
    await res.arrayBuffer();
    expect(res.status).toBeLessThan(400);
    const [moved] = await sql<
      { status: string; close_requested_at: Date | null }[]
    >`select status, close_requested_at from pes where id = ${target!.id}`;
    expect(moved!.status).toBe('close_requested');
    expect(moved!.close_requested_at).not.toBeNull();
  });

  it('serves through instance B a document uploaded through instance A (FILE_STORAGE=database)', async () => {
    const uploader = signing.signers[SIGNERS]!;
    // A summer PES on her voucher, as the summer form would create it (provider PRV2 offers summer services).
    const [summer] = await sql<{ id: string }[]>`
      insert into pes (code, voucher_id, conversion_id, provider_id, kind, band, hours, amount_cents, status)
      select v.number || '/3', v.id, c.id, p.id, 'summer_covid', 'C', 40, 50000, 'draft'
      from vouchers v join conversions c on c.voucher_id = v.id join providers p on p.code = 'PRV2'
      where v.id = ${uploader.voucherId}
      returning id`;
    await sql`insert into pes_children (pes_id, child_id) select ${summer!.id}, ch.id from children ch where ch.voucher_id = ${uploader.voucherId}`;

    const bytes = await pdf({ text: 'PES concordato - servizi estivi - prova di due istanze' });
    const form = new FormData();
    form.append('voucherId', uploader.voucherId);
    form.append('pesId', summer!.id);
    form.append('file', new File([Buffer.from(bytes)], 'PES-estivo.pdf', { type: 'application/pdf' }));
    const up = await fetch(`${a.baseUrl}/api/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie: uploader.cookie, origin: a.baseUrl, accept: 'application/json' },
    });
    const uploaded = (await up.json()) as { ok: boolean; document?: { id: string } };
    expect(up.status, JSON.stringify(uploaded)).toBe(200);
    expect(uploaded.ok).toBe(true);

    const down = await fetch(`${b.baseUrl}/api/files/${uploaded.document!.id}`, {
      headers: { cookie: uploader.cookie },
    });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await down.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it(`delivers ${NOTIFICATIONS} notifications exactly once each with both dispatchers running`, async () => {
    const inserted = await sql<{ id: string }[]>`
      insert into notification_outbox (channel, recipient, subject, text_body)
      select 'email', 'istanze.' || i || '@example.it', 'Prova di consegna ' || i, 'Messaggio di prova numero ' || i
      from generate_series(1, ${NOTIFICATIONS}) i
      returning id`;
    const ids = inserted.map((r) => r.id);
    const pending = () =>
      sql<
        { n: number }[]
      >`select count(*)::int as n from notification_outbox where id in ${sql(ids)} and status <> 'sent'`;
    await until(
      'every inserted notification marked sent',
      async () => ((await pending())[0]!.n === 0 ? true : undefined),
      90_000,
    );

    const senders = ids.map((id) => resend.deliveries.get(id) ?? []);
    expect(senders.filter((s) => s.length !== 1)).toEqual([]);
    expect(new Set(ids).size).toBe(NOTIFICATIONS);
    // Both dispatchers took part (the provider answers after 20 ms, so a batch of 25 outlasts the other's 250 ms poll).
    const byInstance = senders.reduce<Record<string, number>>((acc, [s]) => ({ ...acc, [s!]: (acc[s!] ?? 0) + 1 }), {});
    expect(Object.keys(byInstance).sort(), JSON.stringify(byInstance)).toEqual(['/a', '/b']);
    // Nothing the app sent in this file (receipts, close requests) reached the provider twice either.
    expect([...resend.deliveries.entries()].filter(([, s]) => s.length > 1)).toEqual([]);
    expect(resend.keyless()).toBe(0);
    const [rows] = await sql<{ sent: number; via: number }[]>`
      select count(*) filter (where status = 'sent' and sent_at is not null)::int as sent, count(*) filter (where delivered_via = 'resend')::int as via
      from notification_outbox where id in ${sql(ids)}`;
    expect(rows).toEqual({ sent: NOTIFICATIONS, via: NOTIFICATIONS });
  });
});
