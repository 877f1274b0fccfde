import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcGateway, type OidcGateway } from '@/scripts/oidc-gateway/start-oidc-gateway';
import { e2eEnabled } from './support/app-fixture';
import { expectAccessible, launch, newPage } from './support/browser';
import { freePort, startApp, type AppServer } from './support/server';

/**
 * Issue 18, happy path in a browser: families sign in with «Entra con SPID» / «Entra con CIE» through the local
 * gateway's own sign-in page (the app authenticates to it with private_key_jwt), land on their vouchers, see what
 * the identity provider said on their profile, and sign out through the gateway's end_session_endpoint.
 */
const ANNA = 'RSSNNA85M41L378F';
const MARTA = 'VRDMRT82S60L378B';

describe.skipIf(!e2eEnabled)('SPID/CIE sign-in through the gateway (browser)', () => {
  let gateway: OidcGateway;
  let app: AppServer;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    gateway = await startOidcGateway({ appUrls: [`http://localhost:${port}`] });
    [app, browser] = await Promise.all([
      startApp(
        {
          // Next names every loopback host `localhost` in the URLs Auth.js builds: the browser must use that name too.
          APP_URL: `http://localhost:${port}`,
          OIDC_ISSUER: gateway.issuer,
          OIDC_CLIENT_ID: gateway.keyClient.clientId,
          OIDC_CLIENT_PRIVATE_KEY: gateway.keyClient.privateJwk,
        },
        { port },
      ),
      launch(),
    ]);
    base = `http://localhost:${port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await gateway?.stop();
  });

  async function signInAtGateway(page: Page, button: string, who: { identity?: string; fiscalCode?: string }) {
    await page.goto(`${base}/login`);
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL((u) => u.origin === gateway.issuer && u.pathname.startsWith('/interaction/'));
    await expect
      .poll(() => page.getByRole('heading', { name: 'Accedi con la tua identità digitale' }).isVisible())
      .toBe(true);
    if (who.identity) await page.getByLabel('Persona').selectOption(who.identity);
    if (who.fiscalCode) await page.getByLabel('Oppure un altro codice fiscale').fill(who.fiscalCode);
    await page.getByRole('button', { name: 'Entra', exact: true }).click();
    await page.waitForURL((u) => u.origin === base && u.pathname !== '/api/auth/callback/oidc', {
      timeout: 30_000,
    });
  }

  it('Anna signs in with SPID, sees her voucher and her identity data, adopts the e-mail, signs out at the gateway', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${base}/login`);
    await expectAccessible(page);
    await signInAtGateway(page, 'Entra con SPID', { identity: ANNA });
    expect(new URL(page.url()).pathname).toBe('/famiglia');
    await expect.poll(() => page.getByRole('heading', { name: 'Buono BS-2020-0001' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'I tuoi dati' }).click();
    await page.waitForURL('**/famiglia/profilo');
    await expect.poll(() => page.getByText('anna.rossi@spid.example.it').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Usa questo indirizzo per le comunicazioni' }).click();
    await expect.poll(() => page.getByText('Indirizzo e-mail aggiornato').isVisible()).toBe(true);
    await expectAccessible(page);
    await page.reload();
    await expect.poll(() => page.getByText('È l’indirizzo usato per le comunicazioni.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Usa questo indirizzo per le comunicazioni' }).count()).toBe(0);
    // The mobile the identity provider gave is the imported one: nothing to offer.
    await expect
      .poll(() => page.getByText('È il numero usato per le comunicazioni e per il codice OTP.').isVisible())
      .toBe(true);

    const oldCookies = await context.cookies(base);
    await page.getByRole('button', { name: 'Logout' }).click();
    await page.waitForURL((u) => u.origin === gateway.issuer);
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForURL((u) => u.origin === base && u.pathname === '/login');
    await expect.poll(() => page.getByText('Sei uscito dalla procedura.').isVisible()).toBe(true);
    // The session cookie Anna had before signing out no longer opens anything.
    const cookie = oldCookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${base}/famiglia`, { headers: { cookie }, redirect: 'manual' });
    expect(res.headers.get('location') ?? '').toContain('/login');
    await context.close();
  });

  it('Marta signs in with CIE and sees her own vouchers only', async () => {
    const { context, page } = await newPage(browser);
    await signInAtGateway(page, 'Entra con CIE', { identity: MARTA });
    expect(new URL(page.url()).pathname).toBe('/famiglia');
    await expect.poll(() => page.getByRole('heading', { name: 'Buono BS-2019-0417' }).isVisible()).toBe(true);
    expect(await page.getByText('BS-2020-0001').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('an unknown fiscal code gets the page that says whom to contact', async () => {
    const { context, page } = await newPage(browser);
    await signInAtGateway(page, 'Entra con SPID', { fiscalCode: 'BNCMRA80A01L378Y' });
    expect(page.url()).toBe(`${base}/accesso-spid?esito=nessun-buono`);
    await expect
      .poll(() => page.getByText('Nessun Buono di servizio per questo codice fiscale').isVisible())
      .toBe(true);
    await expectAccessible(page);
    expect((await context.cookies(base)).some((c) => c.name.endsWith('authjs.session-token'))).toBe(false);
    await context.close();
  });
});
