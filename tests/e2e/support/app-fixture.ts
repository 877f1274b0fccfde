import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from './browser';
import { startApp, type AppServer } from './server';

export const e2eEnabled = Boolean(inject('chromiumPath'));

/** One `next start` on a fresh demo database and one browser per test file. */
export function useApp(env: Record<string, string> = {}): { app: () => AppServer; browser: () => Browser } {
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(env);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return { app: () => app!, browser: () => browser! };
}
