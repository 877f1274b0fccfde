/**
 * `npm run dev`: `next dev`, and — when OIDC_ISSUER is unset or `dev` — the local SPID/CIE gateway
 * (scripts/oidc-gateway) on a loopback port, so the demo's «Entra con SPID» works. Development only: production
 * runs scripts/start.mjs, which never imports this, and refuses OIDC_ISSUER=dev at start.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startOidcGateway, type OidcGateway } from './oidc-gateway/start-oidc-gateway';

if (process.env.NODE_ENV === 'production') {
  console.error('npm run dev non si usa in produzione: usa npm run build e npm start.');
  process.exit(1);
}

const args = process.argv.slice(2);
const portArg = args.findIndex((a) => a === '-p' || a === '--port');
const appPort = Number((portArg >= 0 ? args[portArg + 1] : undefined) ?? process.env.PORT ?? 3000);
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };

let gateway: OidcGateway | null = null;
const issuer = (process.env.OIDC_ISSUER ?? '').trim();
if (!issuer || issuer === 'dev') {
  gateway = await startOidcGateway({
    appUrls: [`http://localhost:${appPort}`, `http://127.0.0.1:${appPort}`],
    port: Number(process.env.DEV_OIDC_GATEWAY_PORT || 0),
  });
  Object.assign(env, {
    OIDC_ISSUER: gateway.issuer,
    OIDC_CLIENT_ID: gateway.secretClient.clientId,
    OIDC_CLIENT_SECRET: gateway.secretClient.clientSecret,
    OIDC_CLIENT_PRIVATE_KEY: '',
  });
  console.log(`Gateway SPID/CIE di prova: ${gateway.issuer} (solo sviluppo; nessuna identità reale è verificata)`);
}

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const next = spawn(process.execPath, [nextBin, 'dev', ...args], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code) => {
  void (gateway?.stop() ?? Promise.resolve()).then(() => process.exit(code ?? 0));
});
