import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcGateway, type OidcGateway } from '@/scripts/oidc-gateway/start-oidc-gateway';
import type { Misbehaviour } from '@/scripts/oidc-gateway/tamper-id-token';
import { e2eEnabled } from './support/app-fixture';
import { DEMO_PASSWORD } from './support/browser';
import { postSignIn, visibleText } from './support/http';
import { CookieJar, follow, gatewaySignIn, hop, pressSpid, type GatewayLogin } from './support/oidc-flow';
import { freshPgDatabase, pgReachable, PG_SERVER, type FreshDatabase } from './support/postgres-database';
import { freePort, startApp, type AppServer } from './support/server';

/**
 * Issue 18, "Bad input": every way a SPID/CIE sign-in must fail, driven over HTTP against `next start` and the
 * local gateway (scripts/oidc-gateway), redirects followed by hand with a cookie jar. Each refusal: no session
 * cookie, an audit event with its reason, a page in Italian that says what happened. One app, one gateway.
 */
const ANNA = 'RSSNNA85M41L378F';
const CHIARA = 'CNTCHR80T52L378Z';
const SESSION = 'authjs.session-token';

const reachable = e2eEnabled && (await pgReachable());
if (e2eEnabled && !reachable && process.env.CI)
  throw new Error(`the SPID/CIE refusals need PostgreSQL at ${PG_SERVER}`);

describe.skipIf(!reachable)('SPID/CIE sign-in: each refusal', () => {
  let gateway: OidcGateway;
  let app: AppServer;
  let base: string;
  let db: FreshDatabase;
  let sql: postgres.Sql;

  beforeAll(async () => {
    const port = await freePort();
    [gateway, db] = await Promise.all([
      startOidcGateway({ appUrls: [`http://localhost:${port}`] }),
      freshPgDatabase('bsp_oidc'),
    ]);
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
    app = await startApp(
      {
        DATABASE_URL: db.url,
        DEMO_MODE: '',
        FILE_STORAGE: 'database',
        RESEND_API_KEY: 're_fake_oidc',
        OUTBOX_POLL: '0',
        // Next names every loopback host `localhost` in the URLs Auth.js builds: the browser must use that name too.
        APP_URL: `http://localhost:${port}`,
        OIDC_ISSUER: gateway.issuer,
        OIDC_CLIENT_ID: gateway.secretClient.clientId,
        OIDC_CLIENT_SECRET: gateway.secretClient.clientSecret,
        OIDC_SCOPES: 'email',
        OIDC_IDP_HINT_PARAM: 'idp_hint',
      },
      { port },
    );
    base = `http://localhost:${port}`;
  });

  afterAll(async () => {
    await app?.stop();
    await gateway?.stop();
    await sql?.end({ timeout: 1 });
    await db?.drop();
  });

  /** The last SPID/CIE audit event: its action and reason. */
  async function lastOidcEvent(): Promise<{ action: string; reason: string | null; acr: string | null }> {
    const [row] = await sql<{ action: string; reason: string | null; acr: string | null }[]>`
      select action, after->>'reason' as reason, after->>'acr' as acr from audit_events
      where action like 'auth.oidc_login_%' order by id desc limit 1`;
    return row!;
  }

  async function auditCount(): Promise<number> {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from audit_events where action like 'auth.oidc_login_%'`;
    return row!.n;
  }

  /** Signs in at the gateway and returns the callback URL, with the jar holding the app's state, PKCE and nonce. */
  async function toCallback(who: GatewayLogin = { identity: ANNA }): Promise<{ jar: CookieJar; callback: string }> {
    const jar = new CookieJar();
    const callback = await gatewaySignIn(jar, await pressSpid(jar, base), who);
    expect(callback.startsWith(`${base}/api/auth/callback/oidc?`)).toBe(true);
    return { jar, callback };
  }

  /** Lets the app handle the callback; expects the refusal page `esito` and its Italian title, no session, an audit event. */
  async function expectRefused(jar: CookieJar, callback: string, esito: string, reason: string, title: RegExp) {
    const before = await auditCount();
    const landed = await follow(jar, callback, (u) => u.pathname !== '/api/auth/callback/oidc');
    expect(landed).toBe(`${base}/accesso-spid?esito=${esito}`);
    expect(jar.get(base, SESSION)).toBeUndefined();
    const page = await hop(jar, landed);
    expect(visibleText(await page.res.text())).toMatch(title);
    expect(await auditCount()).toBe(before + 1);
    expect(await lastOidcEvent()).toMatchObject({ action: 'auth.oidc_login_refused', reason });
    // Nothing signed in: the family's pages still send to the login page.
    const home = await hop(jar, `${base}/famiglia`);
    expect(home.location ?? '').toContain('/login');
  }

  it('signs Anna in (client_secret_basic, PKCE S256, state, nonce, acr_values, extra scope, idp hint) and audits it', async () => {
    const jar = new CookieJar();
    const auth = new URL(await pressSpid(jar, base));
    expect(auth.origin).toBe(gateway.issuer);
    const q = auth.searchParams;
    expect(q.get('scope')).toBe('openid profile email');
    expect(q.get('acr_values')).toBe('https://www.spid.gov.it/SpidL2');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('idp_hint')).toBe('spid');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(q.get(p)).toBeTruthy();
    const callback = await gatewaySignIn(jar, auth.toString(), { identity: ANNA });
    const landed = await follow(jar, callback, (u) => u.pathname !== '/api/auth/callback/oidc');
    expect(landed).toBe(`${base}/famiglia`);
    expect(jar.get(base, SESSION)).toBeTruthy();
    const home = await hop(jar, landed);
    expect(visibleText(await home.res.text())).toContain('BS-2020-0001');
    const event = await lastOidcEvent();
    expect(event).toMatchObject({ action: 'auth.oidc_login_succeeded', acr: 'https://www.spid.gov.it/SpidL2' });
    const [evidence] = await sql<{ after: Record<string, unknown>; ip: string }[]>`
      select after, ip from audit_events where action = 'auth.oidc_login_succeeded' order by id desc limit 1`;
    expect(evidence!.ip).toMatch(/127\.0\.0\.1$/);
    expect(JSON.stringify(evidence!.after)).not.toContain('eyJ'); // never the token itself
  });

  it('refuses a callback without state, or with another state', async () => {
    const a = await toCallback();
    const noState = new URL(a.callback);
    noState.searchParams.delete('state');
    await expectRefused(a.jar, noState.toString(), 'non-riuscito', 'protocol', /Accesso non completato/);
    const b = await toCallback();
    const otherState = new URL(b.callback);
    otherState.searchParams.set('state', 'uno-stato-inventato');
    await expectRefused(b.jar, otherState.toString(), 'non-riuscito', 'protocol', /Accesso non completato/);
  });

  it.each<Misbehaviour>(['wrong-nonce', 'other-key', 'alg-none', 'wrong-audience', 'wrong-issuer', 'expired'])(
    'refuses an ID token with %s (Auth.js checks it)',
    async (how) => {
      const { jar, callback } = await toCallback();
      gateway.misbehave(how);
      try {
        await expectRefused(jar, callback, 'non-riuscito', 'protocol', /Accesso non completato/);
      } finally {
        gateway.misbehave(null);
      }
    },
  );

  it('refuses an authorization code replayed', async () => {
    const { jar, callback } = await toCallback();
    const replayJar = jar.copy();
    await follow(jar, callback, (u) => u.pathname !== '/api/auth/callback/oidc');
    expect(jar.get(base, SESSION)).toBeTruthy();
    await expectRefused(replayJar, callback, 'non-riuscito', 'protocol', /Accesso non completato/);
  });

  it.each<[string, GatewayLogin | Misbehaviour, string, string, RegExp]>([
    [
      'acr below the level (chosen at the gateway)',
      { identity: ANNA, acr: 'https://www.spid.gov.it/SpidL1' },
      'livello',
      'acr_too_low',
      /Livello di sicurezza non sufficiente/,
    ],
    ['acr below the level (rewritten)', 'low-acr', 'livello', 'acr_too_low', /Livello di sicurezza non sufficiente/],
    [
      'no fiscal code released',
      { identity: ANNA, noFiscalCode: true },
      'dati',
      'claim_missing',
      /Codice fiscale non ricevuto/,
    ],
    ['no fiscal code claim (rewritten)', 'no-fiscal-code', 'dati', 'claim_missing', /Codice fiscale non ricevuto/],
    [
      'a malformed fiscal code',
      { fiscalCode: 'RSSNNA85M41L378X' },
      'dati',
      'claim_malformed',
      /Codice fiscale non ricevuto/,
    ],
    [
      'a malformed fiscal code (rewritten)',
      'malformed-fiscal-code',
      'dati',
      'claim_malformed',
      /Codice fiscale non ricevuto/,
    ],
    [
      'an unknown fiscal code',
      { fiscalCode: 'BNCMRA80A01L378Y' },
      'nessun-buono',
      'unknown_fiscal_code',
      /Nessun Buono di servizio/,
    ],
    [
      'an unknown fiscal code (rewritten)',
      'unknown-fiscal-code',
      'nessun-buono',
      'unknown_fiscal_code',
      /Nessun Buono di servizio/,
    ],
    [
      'a staff fiscal code',
      { identity: CHIARA },
      'operatore',
      'staff_account',
      /Gli operatori accedono con le proprie credenziali/,
    ],
  ])('refuses %s', async (_name, how, esito, reason, title) => {
    const { jar, callback } = await toCallback(typeof how === 'string' ? { identity: ANNA } : how);
    if (typeof how === 'string') gateway.misbehave(how);
    try {
      await expectRefused(jar, callback, esito, reason, title);
    } finally {
      gateway.misbehave(null);
    }
  });

  it('never redirects off-site, whatever callbackUrl says (parameter or cookie)', async () => {
    const jar = new CookieJar();
    const csrf = await hop(jar, `${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.res.json()) as { csrfToken: string };
    const started = await hop(jar, `${base}/api/auth/signin/oidc`, {
      method: 'POST',
      body: new URLSearchParams({ csrfToken, callbackUrl: 'https://evil.example/raccolta' }),
    });
    expect(started.location?.startsWith(gateway.issuer)).toBe(true);
    const callback = await gatewaySignIn(jar, started.location!, { identity: ANNA });
    jar.set(base, 'authjs.callback-url', encodeURIComponent('https://evil.example/raccolta'));
    const { location } = await hop(jar, callback);
    expect(new URL(location!).origin).toBe(base);
    expect(new URL(location!).pathname).toBe('/famiglia');
  });

  it('says when the gateway cannot be reached, and the staff form still works', async () => {
    await gateway.stop();
    const jar = new CookieJar();
    const before = await auditCount();
    const landed = await follow(jar, await pressSpid(jar, base), () => false).catch(() => '');
    expect(landed).toBe(`${base}/accesso-spid?esito=non-disponibile`);
    expect(jar.get(base, SESSION)).toBeUndefined();
    expect(visibleText(await (await hop(jar, landed)).res.text())).toContain('Servizio SPID/CIE non raggiungibile');
    expect(await auditCount()).toBe(before + 1);
    expect(await lastOidcEvent()).toMatchObject({ reason: 'gateway_unreachable' });
    const staff = await postSignIn(base, CHIARA, DEMO_PASSWORD);
    expect(staff.setCookies.some((c) => c.startsWith(`${SESSION}=`))).toBe(true);
  });
});
