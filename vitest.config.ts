import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root, 'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)) };

/*
 * One pool for the three projects, so the browser files (which mostly wait on their app and browser) run
 * beside the unit and integration files instead of after them. Vitest runs a project limited to one worker
 * after all the others (its "sequential" group), and projects sharing a group must share the worker count:
 * hence the same count everywhere. Each browser file starts its own app on its own port and database, so
 * two can run at once. VITEST_MAX_WORKERS lowers it (CI runs the PostgreSQL integration beside this).
 */
const maxWorkers = Math.max(1, Number(process.env.VITEST_MAX_WORKERS) || 2);

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers,
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', maxWorkers },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          maxWorkers,
          globalSetup: ['tests/integration/global-setup.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          server: { deps: { inline: ['next-auth', '@auth/core'] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          maxWorkers,
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
