/** Retries queued notifications every 30 s (delivery after commit also starts right after each request). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.OUTBOX_POLL === '0') return;
  const { startOutboxPoller } = await import('./lib/notifications/outbox-poller');
  startOutboxPoller();
}
