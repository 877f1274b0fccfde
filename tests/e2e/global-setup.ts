import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    /** Pages axe already passed in this run (tests/e2e/support/browser.ts); '' runs axe at every visit. */
    axeSeenFile: string;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the app once (unless CI already did: E2E_REUSE_BUILD=1); each test file then starts its own server. */
export default function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const msg = `Chromium non trovato in ${CHROMIUM}: installalo con "apt-get install -y chromium" (o imposta CHROMIUM_PATH).`;
    if (process.env.CI) throw new Error(msg);
    console.warn(`\n[e2e] ${msg} I test nel browser sono saltati.\n`);
    project.provide('chromiumPath', '');
    project.provide('axeSeenFile', '');
    return;
  }
  project.provide('chromiumPath', CHROMIUM);
  // E2E_AXE_EVERY_VISIT=1 runs axe at every visit, as before the per-page key.
  const axeDir = mkdtempSync(path.join(os.tmpdir(), 'bsp-axe-'));
  project.provide('axeSeenFile', process.env.E2E_AXE_EVERY_VISIT === '1' ? '' : path.join(axeDir, 'passed.txt'));
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
