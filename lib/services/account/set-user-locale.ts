import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Locale } from '@/lib/domain/locale';

/**
 * Keeps a family's language in the profile, so e-mails and SMS sent later follow it (issue 21). Only
 * families choose: staff work in Italian. Not audited: a preference, not an act of the procedure.
 */
export async function setUserLocale(db: DbOrTx, actor: Actor, locale: Locale): Promise<void> {
  if (actor.role !== 'family') return;
  await db
    .update(users)
    .set({ locale })
    .where(and(eq(users.id, actor.userId), eq(users.role, 'family')));
}
