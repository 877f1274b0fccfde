import type { ReactNode } from 'react';
import { requireRole } from '@/lib/auth/current-actor';

export default async function Layout({ children }: { children: ReactNode }) {
  await requireRole('office');
  return <>{children}</>;
}
