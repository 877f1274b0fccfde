import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { DEMO_PASSWORD, login, logout, newPage } from './support/browser';
import { postSignIn } from './support/http';
import { startApp, type AppServer } from './support/server';

const ANNA = 'RSSNNA85M41L378F';

describe.skipIf(!e2eEnabled)('production with DEMO_MODE=false on an empty embedded database', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startApp({ DEMO_MODE: 'false', RESEND_API_KEY: 're_not_used_in_this_test', OUTBOX_POLL: '0' });
  });
  afterAll(() => app?.stop());

  it('starts with no users and logs how to create the first office clerk', async () => {
    expect(app.logs()).toContain('npm run user:create -- --role office');
    const { location } = await postSignIn(app.baseUrl, ANNA, DEMO_PASSWORD);
    expect(location).toContain('error=CredentialsSignin');
  });

  it('has no /dev/outbox', async () => {
    const res = await fetch(`${app.baseUrl}/dev/outbox`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('#token=');
  });

  it('has no /bench/floor (only the benchmark builds it, with BENCH_FLOOR=1)', async () => {
    const res = await fetch(`${app.baseUrl}/bench/floor`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('RIF-20');
  });

  it('throttles one connection that writes a new X-Forwarded-For on each of 101 failed sign-ins', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 101; i++) {
      const { location } = await postSignIn(
        app.baseUrl,
        `ZZZZZZ80A01L${String(i).padStart(3, '0')}X`,
        'password-sbagliata-123',
        {
          'x-forwarded-for': `198.51.100.${i % 250}, 203.0.113.${i}`,
        },
      );
      codes.push(new URL(location, app.baseUrl).searchParams.get('code') ?? '');
    }
    // This connection already failed once (Anna's password, first test): its 100th failure is the limit.
    const earlierFailures = 1;
    expect(codes.indexOf('throttled')).toBe(100 - earlierFailures);
    expect(codes[100]).toBe('throttled');
  });

  it("keeps serving after Auth.js's callback is posted field names that walk into prototypes (X1)", async () => {
    const csrf = await fetch(`${app.baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const body = new URLSearchParams({ csrfToken, codiceFiscale: ANNA, password: 'password-sbagliata-123' });
    for (const name of ['__proto__.x', 'constructor.prototype.x', 'toString.x', 'hasOwnProperty.call', 'valueOf.x'])
      body.append(name, 'polluted');
    const res = await fetch(`${app.baseUrl}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: body.toString(),
    });
    expect(res.status).toBeLessThan(500);
    // The finding's symptom was /login answering 500 to everyone afterwards.
    expect((await fetch(`${app.baseUrl}/login`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/api/auth/csrf`)).status).toBe(200);
  });

  it('logs failed sign-ins by their Auth.js error type, not a minified class name', () => {
    expect(app.logs()).toContain('"kind":"CredentialsSignin');
    expect(app.logs()).not.toMatch(/"kind":"[A-Za-z]{1,2}[" ]/);
  });
});

describe.skipIf(!e2eEnabled)('production start-up checks', () => {
  it('refuses to start without APP_URL, AUTH_SECRET and a mail sender, saying why', async () => {
    const failed = await startApp({
      DEMO_MODE: '',
      APP_URL: '',
      AUTH_URL: '',
      AUTH_SECRET: '',
      RESEND_API_KEY: '',
    }).then(
      async (a) => {
        await a.stop();
        return '';
      },
      (e: unknown) => String(e),
    );
    expect(failed).toContain('Avvio rifiutato');
    for (const name of ['AUTH_SECRET', 'APP_URL', 'RESEND_API_KEY']) expect(failed).toContain(name);
  });

  it('sets a Secure session cookie in production even when nothing says the request came over HTTPS', async () => {
    const app = await startApp({ APP_URL: 'https://buoni.example.it', OUTBOX_POLL: '0' });
    try {
      const { setCookies } = await postSignIn(app.baseUrl, ANNA, DEMO_PASSWORD);
      const session = setCookies.find((c) => c.startsWith('__Secure-authjs.session-token='));
      expect(session).toBeTruthy();
      expect(session).toMatch(/;\s*Secure/i);
      const ping = await fetch(`${app.baseUrl}/api/ping`, { headers: { cookie: session!.split(';')[0]! } });
      expect(ping.status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

describe.skipIf(!e2eEnabled)('sessions', () => {
  const { app, browser } = useApp();

  it('ends the session on logout: the copied cookie is refused afterwards', async () => {
    const { context, page } = await newPage(browser());
    await login(page, app().baseUrl, ANNA);
    const cookie = (await context.cookies(app().baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${app().baseUrl}/api/ping`, { headers: { cookie } })).status).toBe(200);
    await logout(page);
    expect((await fetch(`${app().baseUrl}/api/ping`, { headers: { cookie } })).status).toBe(401);
    const area = await fetch(`${app().baseUrl}/famiglia`, { headers: { cookie }, redirect: 'manual' });
    expect(new URL(area.headers.get('location') ?? '/', app().baseUrl).pathname).toBe('/login');
    await context.close();
  });

  it('shows no reset link in /dev/outbox to anyone but a signed-in office clerk', async () => {
    const base = app().baseUrl;
    const { context, page } = await newPage(browser());
    await page.goto(`${base}/password-smarrita`);
    await page.getByLabel('Nome', { exact: true }).fill('Luca');
    await page.getByLabel('Cognome').fill('Ferrari');
    await page.getByLabel('Codice fiscale', { exact: true }).fill('FRRLCU75B10L378M');
    await page.getByRole('button', { name: 'Richiedi' }).click();
    await expect.poll(() => page.getByText('Richiesta ricevuta').isVisible()).toBe(true);
    // A reset link carries its token after "#token="; the lost-password page's own hint names "#token=" alone.
    const resetLink = /#token=[A-Za-z0-9_-]{16,}/;
    for (const path of ['/dev/outbox', '/login', '/password-smarrita']) {
      expect(await (await fetch(`${base}${path}`)).text()).not.toMatch(resetLink);
    }
    await login(page, base, ANNA);
    await page.goto(`${base}/dev/outbox`);
    expect(await page.content()).not.toMatch(resetLink);
    await context.close();
    const office = await newPage(browser());
    await login(office.page, base, 'CNTCHR80T52L378Z');
    await office.page.goto(`${base}/dev/outbox`);
    expect(await office.page.content()).toMatch(resetLink);
    await office.context.close();
  });

  it('never sends the proxy hand-off (session claims and its process tag) back to the browser', async () => {
    const { setCookies } = await postSignIn(app().baseUrl, 'BNCGLI90C55L378U', DEMO_PASSWORD);
    const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
    for (const path of ['/famiglia', '/sessione', '/api/ping', '/login']) {
      const res = await fetch(`${app().baseUrl}${path}`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status).toBeLessThan(400);
      for (const [name, value] of res.headers) {
        expect(name).not.toMatch(/x-bsp-|x-middleware/);
        expect(value).not.toContain('authTime');
      }
    }
  });
});
