import 'server-only';
import { AppError } from '@/lib/app-error';
import type { Actor } from '@/lib/auth/actor';

/** Services check the role again: they are called by actions, tests and scripts alike. */
export function requireOffice(actor: Actor): void {
  if (actor.role !== 'office') throw new AppError('forbidden');
}
