// After `next build` with output: 'standalone': the standalone server serves only what sits beside it.
// Next leaves the static chunks and the public folder out of .next/standalone (its docs say to copy them);
// the drizzle migrations are read at start-up (db/open.ts), so they go there too.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const standalone = path.join(root, '.next', 'standalone');
if (!existsSync(path.join(standalone, 'server.js'))) {
  console.error('[build] .next/standalone/server.js manca: next.config.mjs deve avere output: "standalone".');
  process.exit(1);
}
const copies = [
  ['.next/static', '.next/static'],
  ['public', 'public'],
  ['drizzle', 'drizzle'],
];
for (const [from, to] of copies) {
  const src = path.join(root, from);
  if (existsSync(src)) cpSync(src, path.join(standalone, to), { recursive: true });
}
console.log('[build] standalone output ready: .next/standalone (npm start runs it)');
