import { configuredBaseUrl, isDevelopment, startupProblems } from '@/lib/config/runtime-config';
import { log } from '@/lib/log/logger';

/**
 * Start-up of a Node.js server process (instrumentation.ts): refuses an incomplete production
 * configuration (saying why), records each request's socket address for clientIp(), puts requests through the admission gate (503 when full), takes over
 * SIGTERM for a graceful shutdown, logs every request (lib/log/request-log.ts) (R2), opens the database (so an empty production database is
 * reported at start) and starts the outbox poller.
 */
export async function registerNode(): Promise<void> {
  const problems = startupProblems();
  if (problems.length) {
    log.fatal({ problems }, `Avvio rifiutato in produzione:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  // Auth.js builds its own URLs (the SPID/CIE redirect_uri, the sign-in redirects) from AUTH_URL, else from the
  // request's Host: the public URL instead, so the gateway sees exactly the redirect URI registered with it. (Next
  // itself names every loopback host `localhost`, so the tests and the local gateway use http://localhost:….)
  process.env.AUTH_URL ||= configuredBaseUrl() ?? '';
  if (!process.env.AUTH_URL) delete process.env.AUTH_URL;
  const { installPeerAddressHook } = await import('@/lib/net/peer-address');
  installPeerAddressHook();
  // Before the request log and the in-flight tracker: a shed request is logged, a waiting one drained.
  if (!isDevelopment()) {
    const { installAdmissionGate } = await import('@/lib/http/install-admission-gate');
    installAdmissionGate();
  }
  const { installRequestLog } = await import('@/lib/log/request-log');
  installRequestLog();
  // `next dev` keeps Next's own handler: its parent process restarts and stops the server itself.
  if (!isDevelopment()) await installGracefulShutdown();
  const { getDb } = await import('@/db');
  // A database that cannot be opened is reported here and again on the first request that needs it.
  await getDb().catch((e: unknown) =>
    log.error(
      { error: e instanceof Error ? e.name : 'errore' },
      `db: apertura non riuscita (${e instanceof Error ? e.message : 'errore'})`,
    ),
  );
  if (process.env.OUTBOX_POLL === '0') return;
  const { startOutboxPoller } = await import('@/lib/notifications/outbox-poller');
  startOutboxPoller();
}

async function installGracefulShutdown(): Promise<void> {
  const { installInFlightTracker } = await import('@/lib/ops/track-in-flight');
  const { installShutdownHandler } = await import('@/lib/ops/graceful-shutdown');
  const { closeDb } = await import('@/db');
  const { stopOutboxPoller } = await import('@/lib/notifications/outbox-poller');
  installInFlightTracker();
  installShutdownHandler({ stopBackground: stopOutboxPoller, closeDatabase: closeDb });
}
