import Link from 'next/link';
import type { ReactNode } from 'react';

/** The back link to the page above and the page's one h1, as every inner page opens. */
export function PageHeader({ back, children }: { back: { href: string; label: ReactNode }; children: ReactNode }) {
  return (
    <>
      <p>
        <Link href={back.href} className="link">
          ← {back.label}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{children}</h1>
    </>
  );
}
