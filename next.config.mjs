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

const nextConfig = {
  // react-email renders with react-dom/server, which the react-server layer of server actions refuses to bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', '@react-email/components', '@react-email/render'],
  // Otherwise `next dev` logs server-action arguments, passwords included.
  logging: { serverFunctions: false },
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: '3mb' } },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
