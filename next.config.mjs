import { networkInterfaces } from 'node:os';
import createNextIntlPlugin from 'next-intl/plugin';

// No locale segment in URLs: lib/i18n/request.ts picks the language per request (issue 21).
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const isProd = process.env.NODE_ENV === 'production';

// Next's own scripts carry a nonce set by proxy.ts; nothing else inline may run (H1).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  ...(isProd ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

// Next 16 blocks its dev resources for origins other than localhost, so a page opened at
// http://127.0.0.1:3000 or at the machine's LAN address never hydrates. Allow this machine's own addresses.
const ownAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((i) => i && !i.internal)
  .map((i) => (i.family === 'IPv6' ? `[${i.address}]` : i.address));
const allowedDevOrigins = [...new Set(['127.0.0.1', 'localhost', '[::1]', ...ownAddresses])];

const nextConfig = {
  // `npm run build` makes a self-contained server (.next/standalone/server.js) that `npm start` and the
  // container run; scripts/standalone-assets.mjs copies beside it what Next leaves out.
  output: 'standalone',
  allowedDevOrigins,
  // react-email renders with react-dom/server, which the react-server layer of server actions refuses to bundle;
  // pino and the OpenTelemetry SDK load their parts at run time (thread-stream, exporters), which bundling breaks.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@node-rs/argon2',
    '@react-email/components',
    '@react-email/render',
    'pino',
    'pino-pretty',
    '@opentelemetry/sdk-trace-node',
    '@opentelemetry/sdk-metrics',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/exporter-metrics-otlp-http',
  ],
  // Otherwise `next dev` logs server-action arguments, passwords included.
  logging: { serverFunctions: false },
  // Inlined at build time: only `BENCH_FLOOR=1 next build` (the benchmark's build) serves /bench/floor.
  env: { BENCH_FLOOR: process.env.BENCH_FLOOR === '1' ? '1' : '0' },
  poweredByHeader: false,
  typedRoutes: false,
  // .ci/run type-checks with `tsc --noEmit` while the build runs (and fails on any error): the build need not
  // check the same types a second time there. Every other build (Dockerfile, npm run build) still does.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPES_CHECKED_ELSEWHERE === '1' },
  // Turbopack keeps a cache of the build in .next for the next one (on by default since Next 16.1); CI builds a
  // clean clone once and never reads it, and writing it took 12.6 s of a 90 s build there (issue 20: CI time).
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== 'true' },
  // Server actions keep Next's default body limit (1 MB), sign-in included: an upload that needs more
  // belongs in its own route handler, which reads (and limits) its body itself.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
