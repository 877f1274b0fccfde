import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-actor';

/** The office's sections: other features append their entry to this list. */
const OFFICE_NAV: { href: string; label: string }[] = [
  { href: '/ufficio', label: 'Richieste di convalida' },
  { href: '/ufficio/in-ritardo', label: 'In ritardo' },
  { href: '/ufficio/amministrazione', label: 'Amministrazione' },
];

export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole('office');
  return (
    <>
      <nav aria-label="Sezioni dell’ufficio" className="mb-6">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {OFFICE_NAV.map((n) => (
            <li key={n.href}>
              <Link href={n.href} className="link">
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
