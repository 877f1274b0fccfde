import 'server-only';
import type { OfficeScope } from '@/db/queries/office/office-scope';
import { AppError } from '@/lib/app-error';
import type { Actor } from '@/lib/domain/actor';

/** The token office queries require: only an office actor obtains it. */
export function officeScope(actor: Actor | null): OfficeScope {
  if (!actor || actor.role !== 'office') throw new AppError('forbidden');
  return { officeUserId: actor.userId, __office: true };
}
