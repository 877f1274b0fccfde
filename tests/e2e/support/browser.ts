import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { either } from './catalogue-text';
import { sessionCookie } from './http';
import { mouseUi, type Ui } from './ui';

export const DEMO_PASSWORD = 'Trento-Buoni-2020';

let shared: Promise<Browser> | undefined;

/**
 * The worker's Chromium (the browser files share their worker and its modules: vitest.config.ts), launched
 * at the first call. A file gets it with `close()` closing only the contexts still open, so the next file
 * of the worker finds it running; Playwright stops it when the worker exits.
 */
export async function launch(): Promise<Browser> {
  shared ??= launchChromium().catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  const browser = await shared;
  if (!browser.isConnected()) {
    shared = undefined;
    return launch();
  }
  const close = async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  };
  return new Proxy(browser, {
    get: (target, prop) => {
      if (prop === 'close') return close;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Pages live seconds here: V8's optimising tiers (Maglev, TurboFan) compile code a test page never runs
      // long enough to repay. Baseline code only took the renderers' CPU down by about a sixth (issue 20).
      '--js-flags=--max-opt=1',
    ],
  });
}

/** What a phone-sized context is made with (Italian): the app must be fine at 360 px. */
export const PHONE = { viewport: { width: 360, height: 800 }, locale: 'it-IT' };

/** A phone-sized context by default: the app must be fine at 360 px. */
export async function newPage(
  browser: Browser,
  opts: { width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 360, height: 800 }, locale: 'it-IT' });
  const page = await context.newPage();
  return { context, page };
}

/**
 * A phone-sized context with JavaScript off, signed in over HTTP as `codiceFiscale` (the journeys walk the
 * sign-in form itself, otp-journey without JavaScript): one context, not a second one to sign in with.
 */
export async function newPageWithoutJs(
  browser: Browser,
  base: string,
  codiceFiscale: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const [name, value] = (await sessionCookie(base, codiceFiscale, DEMO_PASSWORD)).split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
  return { context, page: await context.newPage() };
}

/**
 * What axe's verdict depends on, without the data: the page's path (ids and numbers generalised), the
 * viewport width, and the set of distinct element kinds it holds (tag, role, type, aria-* and class
 * attributes, disabled/invalid state). Forty rows of one table, or another family's voucher page,
 * give the same key; an error message, a dialog or a new widget gives a new one.
 */
async function axeKey(page: Page): Promise<string> {
  const kinds = await page.evaluate(() => {
    const seen = new Set<string>();
    for (const e of document.querySelectorAll('body *')) {
      const attrs = [...e.attributes]
        .filter((a) => a.name.startsWith('aria-') || ['role', 'type', 'disabled', 'class', 'lang'].includes(a.name))
        .map((a) => (a.name === 'class' || a.name === 'role' || a.name === 'type' ? `${a.name}=${a.value}` : a.name))
        .sort()
        .join(' ');
      seen.add(`${e.tagName} ${attrs}`);
    }
    return [...seen].sort().join('\n');
  });
  const path = new URL(page.url()).pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\d+/g, ':n');
  return `${path} ${page.viewportSize()?.width ?? 0} ${createHash('sha256').update(kinds).digest('hex')}`;
}

/** Keys axe already passed in this run, across test files (tests/e2e/global-setup.ts names the file). */
function axeAlreadyPassed(key: string): boolean {
  const file = inject('axeSeenFile');
  return Boolean(file) && existsSync(file) && readFileSync(file, 'utf8').split('\n').includes(key);
}

/**
 * WCAG 2.1 A/AA: zero violations on every distinct page a journey visits. axe runs once per distinct
 * page (axeKey): a later visit to the same page in the same state only checks the 360 px fit.
 */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 10_000 }).catch(() => undefined);
  const key = await axeKey(page);
  if (axeAlreadyPassed(key)) {
    await expectNoHorizontalScroll(page);
    return;
  }
  let summary: string[] = [];
  // Next streams the page's metadata, and a refresh after a server action swaps the <title> element:
  // wait for a title, and look again if the only finding is a title caught in the middle of that swap.
  for (let attempt = 0; attempt < 3; attempt++) {
    await page
      .waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 10_000 })
      .catch(() => undefined);
    const violations = await axeViolations(page);
    summary = violations.map((v) => `${v.id}: ${v.help} → ${v.targets.join(', ')}`);
    if (!violations.every((v) => v.id === 'document-title') || summary.length === 0) break;
    await page.waitForTimeout(500);
  }
  expect(summary, `axe on ${page.url()}`).toEqual([]);
  const file = inject('axeSeenFile');
  if (file) appendFileSync(file, `${key}\n`);
  await expectNoHorizontalScroll(page);
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A/AA rules run in the page itself, asked only for violations. Its source (half a
 * megabyte) goes into a document once: a client-side navigation or a server action's refresh keeps the
 * document, and with it axe. @axe-core/playwright injected it again, configured it and looked for frames
 * (the app has none) at every analysis: 100–150 ms each, of 120 analyses a run (issue 20: CI time).
 * Only violations are built: otherwise axe makes a selector and an HTML snippet for every element that
 * passed every rule.
 */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, WCAG_21_AA);
}

/** Fine at 360 px: nothing wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
}

export async function login(
  page: Page,
  baseUrl: string,
  codiceFiscale: string,
  password = DEMO_PASSWORD,
  ui: Ui = mouseUi(page),
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  // The sign-in page reads in the browser's language (its cookie, or Accept-Language): either wording.
  await ui.fill(page.getByLabel(either('Codice fiscale (username)')), codiceFiscale);
  await ui.fill(page.getByLabel(either('Password')), password);
  await ui.press(page.getByRole('button', { name: either('Accedi') }));
  await page.waitForURL((u) => /^\/(famiglia|erogatore|ufficio)/.test(u.pathname), { timeout: 30_000 });
}

export async function logout(page: Page, ui: Ui = mouseUi(page)): Promise<void> {
  await ui.press(page.getByRole('button', { name: either('Logout') }));
  await page.waitForURL((u) => u.pathname === '/login');
}
