/** The client address as seen by the first proxy (Vercel and most load balancers set x-forwarded-for). */
export function clientIp(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  const first = xff?.split(',')[0]?.trim();
  return (first || headers.get('x-real-ip') || 'unknown').slice(0, 64);
}
