/**
 * The route of a request as logged and counted: no query string (reset links carry tokens there), ids
 * folded to :id, and any segment that is not a plain lowercase word folded to :param, so a codice
 * fiscale, an e-mail or a phone number typed into a URL never reaches a log line, and a stranger's
 * random paths do not multiply the metric's series.
 */
export function routeOf(url: string | undefined): string {
  const pathname = (url ?? '/').split(/[?#]/)[0] || '/';
  if (pathname.startsWith('/_next/')) return '/_next/*';
  const route = pathname
    .split('/')
    .slice(0, 8)
    .map((seg) =>
      seg === '' || /^[a-z][a-z-]{0,39}$/.test(seg) || /^\[?\.{0,3}[a-z]+\]?$/.test(seg)
        ? seg
        : /^[0-9a-f-]{8,}$/i.test(seg)
          ? ':id'
          : ':param',
    )
    .join('/');
  return route || '/';
}
