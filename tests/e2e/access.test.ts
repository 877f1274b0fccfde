import { describe, expect, it } from 'vitest';
import { e2eEnabled, useApp } from './support/app-fixture';
import { axeViolations, expectAccessible, login, logout, newPage } from './support/browser';

describe.skipIf(!e2eEnabled)('access for the three roles', () => {
  const { app, browser } = useApp();

  it.each([
    ['RSSNNA85M41L378F', '/famiglia', 'Anna Rossi'],
    ['FRRLCU75B10L378M', '/erogatore', 'Luca Ferrari'],
    ['CNTCHR80T52L378Z', '/ufficio', 'Chiara Conti'],
  ])('%s signs in and lands on %s', async (cf, area, name) => {
    const { context, page } = await newPage(browser());
    await page.goto(`${app().baseUrl}/login`);
    await expectAccessible(page);
    await login(page, app().baseUrl, cf);
    expect(new URL(page.url()).pathname).toBe(area);
    await expect.poll(() => page.getByText(name).first().isVisible()).toBe(true);
    await expectAccessible(page);
    await logout(page);
    await page.goto(`${app().baseUrl}${area}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('the accessibility check finds violations, also in a document it already analysed', async () => {
    const { context, page } = await newPage(browser());
    await page.setContent(
      '<html lang="it"><head><title>Prova</title></head><body><main><h1>Prova</h1>' +
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">testo chiaro</p>' +
        '<input type="text"></main></body></html>',
    );
    // The second analysis finds axe already in the document (support/browser.ts): it still judges the page.
    for (let visit = 0; visit < 2; visit++)
      expect((await axeViolations(page)).map((v) => v.id).sort()).toEqual(['color-contrast', 'image-alt', 'label']);
    await expect(expectAccessible(page)).rejects.toThrow(/^axe on about:blank/);
    await context.close();
  });

  it('refuses the office and provider areas to a family', async () => {
    const { context, page } = await newPage(browser());
    await login(page, app().baseUrl, 'RSSNNA85M41L378F');
    for (const area of ['/ufficio', '/erogatore']) {
      await page.goto(`${app().baseUrl}${area}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Accesso non consentito' }).isVisible()).toBe(true);
      expect(new URL(page.url()).pathname).not.toBe(area);
      await expectAccessible(page);
    }
    await context.close();
  });

  it('gives one generic message for a wrong password', async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${app().baseUrl}/login`);
    await page.getByLabel('Codice fiscale (username)').fill('RSSNNA85M41L378F');
    await page.getByLabel('Password', { exact: true }).fill('password sbagliata davvero');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await expect.poll(() => page.getByText('Codice fiscale o password non corretti').isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });

  it('resets a forgotten password through the e-mail read in /dev/outbox', async () => {
    const { context, page } = await newPage(browser());
    await page.goto(`${app().baseUrl}/login`);
    await page.getByRole('link', { name: 'Ho smarrito la password' }).click();
    await page.waitForURL('**/password-smarrita');
    await expectAccessible(page);
    await page.getByLabel('Nome', { exact: true }).fill('Francesco');
    await page.getByLabel('Cognome').fill('Marini');
    await page.getByLabel('Codice fiscale', { exact: true }).fill('MRNFNC79D14L378N');
    await page.getByRole('button', { name: 'Richiedi' }).click();
    await expect.poll(() => page.getByText('Richiesta ricevuta').isVisible()).toBe(true);
    await expectAccessible(page);

    // In a demo (production build) only a signed-in office clerk sees reset links in /dev/outbox.
    const office = await newPage(browser());
    await login(office.page, app().baseUrl, 'CNTCHR80T52L378Z');
    await office.page.goto(`${app().baseUrl}/dev/outbox`);
    await expectAccessible(office.page);
    // The reset e-mail, not merely the newest message: the daily jobs may have queued a digest since (seen in CI).
    const body =
      (await office.page.getByTestId('outbox-body').filter({ hasText: '#token=' }).first().textContent()) ?? '';
    const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(body)?.[0];
    expect(link).toBeTruthy();
    await office.context.close();

    await page.goto(link!);
    await expect.poll(() => page.getByLabel('Nuova password', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page);
    const newPassword = 'lampone gelato montagna 42';
    await page.getByLabel('Nuova password', { exact: true }).fill(newPassword);
    await page.getByLabel('Ripeti la nuova password').fill(newPassword);
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await expect.poll(() => page.getByText('Password aggiornata').first().isVisible()).toBe(true);

    await login(page, app().baseUrl, 'MRNFNC79D14L378N', newPassword);
    expect(new URL(page.url()).pathname).toBe('/erogatore');
    await context.close();

    // Nothing secret reaches the server's logs: passwords, reset tokens.
    const logs = app().logs();
    expect(logs).not.toContain(newPassword);
    expect(logs).not.toContain('Trento-Buoni-2020');
    expect(logs).not.toContain(link!.split('#token=')[1]!);
  });
});

describe.skipIf(!e2eEnabled)('guards that do not depend on the proxy or the login form', () => {
  const { app, browser } = useApp();

  it('throttles sign-in also when the Auth.js callback endpoint is posted to directly', async () => {
    const base = app().baseUrl;
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    for (let i = 0; i < 5; i++) {
      await fetch(`${base}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({
          csrfToken,
          codiceFiscale: 'BNCGLI90C55L378U',
          password: `tentativo-sbagliato-${i}-abcdef`,
        }).toString(),
      });
    }
    const { context, page } = await newPage(browser());
    await page.goto(`${base}/login`);
    await page.getByLabel('Codice fiscale (username)').fill('BNCGLI90C55L378U');
    await page.getByLabel('Password', { exact: true }).fill('Trento-Buoni-2020');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByText('Troppi tentativi non riusciti').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectAccessible(page);
    await context.close();
  });

  it('keeps role areas closed with a forged x-middleware-subrequest header (N4)', async () => {
    const base = app().baseUrl;
    for (const area of ['/famiglia', '/erogatore', '/ufficio']) {
      const res = await fetch(`${base}${area}`, {
        redirect: 'manual',
        headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      });
      expect(res.status).toBeGreaterThanOrEqual(300);
      expect(res.status).toBeLessThan(400);
      expect(new URL(res.headers.get('location')!, base).pathname).toBe('/login');
    }
  });

  it('sends the security headers', async () => {
    const res = await fetch(`${app().baseUrl}/login`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });
});
