import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { localFeastDays } from '@/db/schema';
import { localFeasts } from '@/db/queries/term-calendar';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { now as clockNow } from '@/lib/clock';
import type { LocalFeast } from '@/lib/domain/local-feasts';
import { requireOffice } from './require-office';

/**
 * The office replaces the list of local feast days (San Vigilio in Trento…) with one audit event holding
 * the list before and after. Like a change of a term, it moves only the due dates of steps started later.
 */
export async function updateLocalFeasts(
  db: Db,
  actor: Actor,
  input: { feasts: LocalFeast[] },
  ctx: { now?: Date } = {},
): Promise<{ changed: boolean }> {
  requireOffice(actor);
  const now = ctx.now ?? clockNow();
  return db.transaction(async (tx) => {
    // Two clerks saving at once: the second waits and compares against what the first saved.
    await tx.execute(sql`lock table local_feast_days in share row exclusive mode`);
    const before = await localFeasts(tx);
    const same =
      before.length === input.feasts.length &&
      before.every((f, i) => f.monthDay === input.feasts[i]!.monthDay && f.label === input.feasts[i]!.label);
    if (same) return { changed: false };
    await tx.delete(localFeastDays);
    if (input.feasts.length)
      await tx.insert(localFeastDays).values(input.feasts.map((f) => ({ ...f, createdAt: now })));
    await writeAudit(tx, {
      actor,
      action: 'measure.local_feasts_updated',
      entityType: 'measure',
      entityId: 'local_feasts',
      before: { feasts: before },
      after: { feasts: input.feasts },
      at: now,
    });
    return { changed: true };
  });
}
