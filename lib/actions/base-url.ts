/** Public base URL for links in e-mails: APP_URL in production, else what the request says. */
export function baseUrlFrom(h: Headers): string {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/$/, '');
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}
