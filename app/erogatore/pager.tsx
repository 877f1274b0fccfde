import Link from 'next/link';

/** The page numbers shown around the current one: the first, the last (when known) and two either side. */
export function pageWindow(page: number, pages: number | null): (number | null)[] {
  const last = pages ?? page + 1;
  const shown = new Set([1, page - 2, page - 1, page, page + 1, page + 2, ...(pages === null ? [] : [last])]);
  const sorted = [...shown].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  // null: a gap ("…") between two numbers that are not neighbours.
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1]! > 1 ? [null, n] : [n]));
}

/**
 * Links to the neighbour pages and to numbered pages, the current one marked with aria-current (WCAG 2.4.8):
 * plain links, so Tab and Enter are all it takes. `pages` null: the count stopped at its cap, the last page
 * is not known and only the next one is offered.
 */
export function Pager({
  label,
  page,
  pages,
  hasNext,
  href,
}: {
  label: string;
  page: number;
  pages: number | null;
  hasNext: boolean;
  href: (n: number) => string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} className="link" rel="prev">
              ← Pagina precedente
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pages ?? (hasNext ? null : page)).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={href(n)}
                className="link inline-block min-w-6 text-center aria-[current=page]:text-ink aria-[current=page]:no-underline"
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Pagina ${n}`}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {hasNext ? (
          <li>
            <Link href={href(page + 1)} className="link" rel="next">
              Pagina successiva →
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
