import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from './browser';
import { startApp, type AppServer } from './server';

export const e2eEnabled = Boolean(inject('chromiumPath'));

/**
 * One `next start` on a fresh copy of the demo database and one browser per test file, started together.
 * `afterClosing`: the copy where Anna's closing journey is done (3.282,45 € freed), for files that start there.
 */
export function useApp(
  env: Record<string, string> = {},
  opts: { afterClosing?: boolean } = {},
): { app: () => AppServer; browser: () => Browser } {
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startApp(env, opts), launch()]);
    if (started.status === 'fulfilled') app = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    for (const r of [started, launched]) if (r.status === 'rejected') throw r.reason;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return { app: () => app!, browser: () => browser! };
}
