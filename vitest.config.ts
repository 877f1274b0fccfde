import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

/*
 * Unit and integration files share their worker's modules (isolate: false): importing the app's modules again
 * for every file was about a third of the integration run and half of the unit run (vitest's "import" time).
 * Each integration file brings its own database (support/test-db.ts) and setup.ts resets the calling actor,
 * headers and cookies at each file's start, and puts back process.env and spied-on objects at its end. A file
 * that mocks a module, stubs a global or fakes timers runs isolated, as does a unit file that changes
 * process.env or spies, and an integration file that points the app's cached database connection elsewhere
 * (db/index.ts keeps one per process): found here by reading the files, so a new one that does is isolated
 * without anyone remembering to list it.
 */
const REPLACES_MODULES = /\bvi\.(mock|doMock|hoisted|stubGlobal|useFakeTimers)\b/;
const CHANGES_ENV_OR_SPIES =
  /\bvi\.(spyOn|stubEnv)\b|process\.env\.\w+\s*=[^=]|process\.env\[[^\]]+\]\s*=[^=]|delete\s+process\.env/;
const MOVES_THE_DATABASE = /process\.env\.(DATABASE_URL|PGLITE_DIR)\s*=[^=]/;
function isolatedIn(dir: string, ...changesSharedState: RegExp[]): string[] {
  const found = readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
    .filter((f) => {
      const source = readFileSync(path.join(root, f), 'utf8');
      return changesSharedState.some((re) => re.test(source));
    });
  // An empty include would not mean "no files": a name no file has keeps the project empty.
  return found.length > 0 ? found : [`${dir}/no-file-changes-shared-state`];
}
const INTEGRATION = 'tests/integration';
const isolatedIntegration = isolatedIn(INTEGRATION, REPLACES_MODULES, MOVES_THE_DATABASE);
const UNIT = 'tests/unit';
const isolatedUnit = isolatedIn(UNIT, REPLACES_MODULES, CHANGES_ENV_OR_SPIES);
const integrationTest = {
  environment: 'node' as const,
  maxWorkers,
  globalSetup: ['tests/integration/global-setup.ts'],
  setupFiles: ['tests/integration/setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  server: { deps: { inline: ['next-auth', '@auth/core'] } },
};

export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [`${UNIT}/**/*.test.ts`],
          exclude: isolatedUnit,
          isolate: false,
          environment: 'node',
          maxWorkers,
        },
      },
      {
        resolve: { alias },
        test: { name: 'unit-isolated', include: isolatedUnit, environment: 'node', maxWorkers },
      },
      {
        resolve: { alias },
        test: {
          ...integrationTest,
          name: 'integration',
          include: [`${INTEGRATION}/**/*.test.ts`],
          exclude: isolatedIntegration,
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: { ...integrationTest, name: 'integration-isolated', include: isolatedIntegration },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // A worker takes the browser files one after the other with its modules and its Chromium
          // (support/browser.ts): each file still starts its own app on its own database.
          isolate: false,
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
