import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
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
    return;
  }
  project.provide('chromiumPath', CHROMIUM);
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync('.next/BUILD_ID') && existsSync('.next/standalone/server.js'))
    return;
  // `npm run build`, as CI and the Dockerfile do: it also completes the standalone server that npm start runs.
  const r = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error('next build failed');
}
