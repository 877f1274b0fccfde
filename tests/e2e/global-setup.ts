import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { closeAnnasPes } from './support/close-annas-pes';
import { TSX } from './support/tsx';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    /** Pages axe already passed in this run (tests/e2e/support/browser.ts); '' runs axe at every visit. */
    axeSeenFile: string;
    /** A migrated database seeded with the demo data, and its files, that startApp copies (support/server.ts); '' when absent. */
    demoTemplateDir: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the app once (unless CI already did: E2E_REUSE_BUILD=1); each test file then starts its own server. */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const msg = `Chromium non trovato in ${CHROMIUM}: installalo con "apt-get install -y chromium" (o imposta CHROMIUM_PATH).`;
    if (process.env.CI) throw new Error(msg);
    console.warn(`\n[e2e] ${msg} I test nel browser sono saltati.\n`);
    project.provide('chromiumPath', '');
    project.provide('axeSeenFile', '');
    project.provide('demoTemplateDir', '');
    return;
  }
  project.provide('chromiumPath', CHROMIUM);
  // E2E_AXE_EVERY_VISIT=1 runs axe at every visit, as before the per-page key.
  const axeDir = mkdtempSync(path.join(os.tmpdir(), 'bsp-axe-'));
  project.provide('axeSeenFile', process.env.E2E_AXE_EVERY_VISIT === '1' ? '' : path.join(axeDir, 'passed.txt'));
  project.provide('demoTemplateDir', await demoTemplate(axeDir));
  const teardown = () => rmSync(axeDir, { recursive: true, force: true });
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync('.next/BUILD_ID') && existsSync('.next/standalone/server.js'))
    return teardown;
  // `npm run build`, as CI and the Dockerfile do: it also completes the standalone server that npm start runs.
  const r = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('next build failed');
  return teardown;
}

/**
 * The demo database every app of the run would otherwise create at its first request (initdb, the
 * migrations, the seed with its Argon2 hashes and PDFs: seconds of CPU each time, on a machine the browser
 * files share), made once by `npm run db:seed`'s script; startApp copies it for the apps that start as
 * the default demo (an app given its own database or files still makes its own: the first start stays tested).
 */
async function demoTemplate(parent: string): Promise<string> {
  const dir = path.join(parent, 'demo-template');
  const r = spawnSync(TSX, ['--conditions=react-server', path.join('db', 'cli', 'seed.ts')], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: '',
      PGLITE_DIR: path.join(dir, 'pglite'),
      FILE_STORAGE: 'local',
      FILES_DIR: path.join(dir, 'files'),
    },
  });
  if (r.status !== 0) throw new Error('the demo database for the browser tests could not be made');
  // The same after Anna's closing journey (support/close-annas-pes.ts), for the files that start there.
  const closed = `${dir}-closed`;
  cpSync(dir, closed, { recursive: true });
  await closeAnnasPes(path.join(closed, 'pglite'));
  return dir;
}
