// `npm start`: the standalone server of `npm run build` (the same one the container runs). The server changes
// its working directory to .next/standalone, so the embedded database and local files default to this
// project's .data folder instead, where `npm run dev` keeps them, and a rebuild never wipes them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, '.next', 'standalone', 'server.js');
if (!existsSync(server)) {
  console.error('[start] Nessuna build: esegui prima `npm run build`.');
  process.exit(1);
}
process.env.PGLITE_DIR ??= path.join(root, '.data', 'pglite');
process.env.FILES_DIR ??= path.join(root, '.data', 'files');
process.env.NODE_ENV ??= 'production';
await import(pathToFileURL(server).href);
