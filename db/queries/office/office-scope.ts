import 'server-only';
import { AppError } from '@/lib/app-error';
import type { Actor } from '@/lib/auth/actor';

/**
 * Office queries see every family's conversion: instead of an owner id they require this token, which
 * only an office actor can obtain, so a query cannot be called by mistake with a family's session.
 */
export type OfficeScope = { readonly officeUserId: string; readonly __office: true };

export function officeScope(actor: Actor | null): OfficeScope {
  if (!actor || actor.role !== 'office') throw new AppError('forbidden');
  return { officeUserId: actor.userId, __office: true };
}
