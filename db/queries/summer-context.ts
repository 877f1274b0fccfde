import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, pes, pesChildren } from '@/db/schema';
import { getMeasureParameters, providersWithBands } from '@/db/queries/measures';
import { isoDate } from '@/lib/domain/dates';
import { isMeasureOpen } from '@/lib/domain/measure-window';
import { residualCents } from '@/lib/domain/residual';
import { summerServiceStart } from '@/lib/domain/summer';

/**
 * What the summer page's rules need, read in a fixed number of statements: the voucher's children,
 * the summer providers with their bands, the measure window and the voucher's live summer PES.
 */
export async function summerContext(db: DbOrTx, voucherId: string, now: Date) {
  const [kids, providers, params, rows] = await Promise.all([
    db.select().from(children).where(eq(children.voucherId, voucherId)),
    providersWithBands(db, 'summer_covid'),
    getMeasureParameters(db, 'summer_covid'),
    db
      .select({
        id: pes.id,
        code: pes.code,
        kind: pes.kind,
        status: pes.status,
        amountCents: pes.amountCents,
        usedCents: pes.usedCents,
        providerId: pes.providerId,
        band: pes.band,
        hours: pes.hours,
      })
      .from(pes)
      .where(eq(pes.voucherId, voucherId))
      .orderBy(asc(pes.createdAt), asc(pes.code)),
  ]);
  // Rejected summer PES stay on the page for the family to fix; like deleted ones they hold no money.
  // Cancelled ones belong to a request the office rejected: history, never edited again.
  const live = rows.filter((r) => r.kind === 'summer_covid' && r.status !== 'deleted' && r.status !== 'cancelled');
  const liveIds = new Set(live.map((r) => r.id));
  const links = live.length
    ? await db
        .select()
        .from(pesChildren)
        .where(inArray(pesChildren.pesId, [...liveIds]))
    : [];
  const today = isoDate(now);
  return {
    children: kids,
    providers,
    open: Boolean(params && isMeasureOpen(params, today)),
    startDate: params ? summerServiceStart(params, today) : today,
    summerPes: live.map((r) => ({ ...r, childId: links.find((l) => l.pesId === r.id)?.childId ?? null })),
    /** The residual with the given PES left out: the money the page shares out among them. */
    residualWithout: (ids: ReadonlySet<string>) => residualCents(rows.filter((r) => !ids.has(r.id))),
  };
}
