import type { ReactNode } from 'react';
import { ItalianOnly } from '@/app/_components/italian-only';

// Not translated yet (issue 21): Italian, marked as such, whatever language the reader chose.
export default function Layout({ children }: { children: ReactNode }) {
  return <ItalianOnly>{children}</ItalianOnly>;
}
