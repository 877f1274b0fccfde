import js from '@eslint/js';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

/**
 * The layers, enforced (eslint-plugin-import resolves `@/…` through tsconfig, so aliased and relative
 * imports are checked alike). Bottom to top: lib/domain (pure) ← db/schema, db/queries ← lib/services
 * ← lib/actions and route handlers ← app pages. Entry points that wire everything together are exempt
 * by not being a target: db/seed and db/cli (seed and command-line scripts), db/index.ts (the client,
 * reads the runtime configuration), tests.
 */
const layers = [
  {
    target: ['./db/schema', './db/queries'],
    from: './lib',
    except: ['./domain'],
    message:
      'db/schema and db/queries are the bottom layer: they import only db/** and lib/domain/** (decryption, errors and actors live above).',
  },
  {
    target: ['./db/schema', './db/queries'],
    from: ['./app', './proxy.ts', './tests', './db/seed', './db/cli'],
    message: 'db/schema and db/queries are the bottom layer: they import only db/** and lib/domain/**.',
  },
  {
    target: './lib/domain',
    from: './lib',
    except: ['./domain'],
    message: 'lib/domain is pure: it imports nothing of the app but itself.',
  },
  {
    target: './lib/domain',
    from: ['./app', './db', './proxy.ts', './tests'],
    message: 'lib/domain is pure: it imports nothing of the app but itself.',
  },
  {
    target: './lib/services',
    from: ['./app', './lib/actions'],
    message: 'Services are called by actions and route handlers, never the other way round.',
  },
  {
    // Pages, layouts and components reach use cases only through lib/actions; route handlers (route.ts) may call services.
    target: './app/**/!(route).{ts,tsx}',
    from: './lib/services',
    message: 'From the UI side only lib/actions/** and route handlers (app/**/route.ts) call services.',
  },
];

const config = [
  // ESLint's own recommended rules (no-duplicate-case, no-unreachable, no-dupe-keys…), then Next's.
  js.configs.recommended,
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'drizzle/**', '.data/**', 'tmp/**', 'next-env.d.ts'] },
  {
    // Rules that need the types: a switch over a union must name every member (or say default), and a
    // promise is awaited, returned, or explicitly voided — an unhandled rejection loses a write silently.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': ['error', { zones: layers }],
    },
  },
  {
    // Logs are JSON lines through lib/log/logger.ts (level, request id, redaction of personal data), never bare console output.
    files: ['lib/**', 'app/**'],
    rules: { 'no-console': 'error' },
  },
];

export default config;
