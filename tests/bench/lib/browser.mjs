// Chromium for the bench: signing in through the real login form, and P5's client JavaScript bytes.
import { chromium } from 'playwright-core';

export const PASSWORD = 'Trento-Buoni-2020';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Signs a demo account in through the login form (staff too: the bench's app runs with
 * STAFF_MFA=optional); returns the signed-in page, its context and the Cookie header.
 */
export async function signIn(browser, baseUrl, codiceFiscale, landing) {
  const context = await browser.newContext({ locale: 'it-IT' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Codice fiscale (username)').fill(codiceFiscale);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.waitForURL((u) => u.pathname === landing, { timeout: 60_000 });
  const cookies = await context.cookies(baseUrl);
  return { context, page, cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), cookies };
}

/** The href of the family's "Modifica PES del buono N" link on /famiglia ("Vedi la richiesta: modifica PES …" once signed). */
export async function voucherPath(page, number, { signed = false } = {}) {
  return page
    .getByRole('link', {
      name: `${signed ? 'Vedi la richiesta: modifica' : 'Modifica'} PES del buono ${number}`,
      exact: true,
    })
    .getAttribute('href');
}

/**
 * P5: a first visit of the page in a fresh context (empty cache) with the given cookies: the
 * compressed bytes of every script response (as transferred: body after content-encoding), until
 * the network is idle. Returns { bytes, scripts, status }.
 */
export async function scriptBytes(browser, url, cookies) {
  const context = await browser.newContext({ locale: 'it-IT' });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const sizes = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() === 'script') sizes.push(req.sizes().then((s) => s.responseBodySize));
    });
    const res = await page.goto(url, { waitUntil: 'networkidle' });
    const all = await Promise.all(sizes);
    return {
      bytes: all.reduce((a, b) => a + b, 0),
      scripts: all.length,
      status: res?.status() ?? 0,
      finalUrl: page.url(),
    };
  } finally {
    await context.close();
  }
}
