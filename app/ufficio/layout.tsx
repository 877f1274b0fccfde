import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-actor';

export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole('office');
  return (
    <>
      <nav aria-label="Area della Struttura" className="mb-6 flex flex-wrap gap-x-6 gap-y-2 border-b border-[#d9dee3] pb-3">
        <Link href="/ufficio" className="link">
          Richieste di convalida
        </Link>
        <Link href="/ufficio/amministrazione" className="link">
          Amministrazione
        </Link>
      </nav>
      {children}
    </>
  );
}
