import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, conversions, vouchers } from '@/db/schema';

/** The family's vouchers, always filtered by the holder: a family never sees another's. */
export async function listFamilyVouchers(db: DbOrTx, holderId: string) {
  const rows = await db
    .select()
    .from(vouchers)
    .where(eq(vouchers.holderId, holderId))
    .orderBy(asc(vouchers.status), asc(vouchers.number));
  const ids = rows.map((r) => r.id);
  const [kids, convs] = ids.length
    ? await Promise.all([
        db.select().from(children).where(inArray(children.voucherId, ids)).orderBy(asc(children.position)),
        db
          .select({ id: conversions.id, voucherId: conversions.voucherId, status: conversions.status })
          .from(conversions)
          .where(inArray(conversions.voucherId, ids))
          .orderBy(desc(conversions.createdAt)),
      ])
    : [[], []];
  return rows.map((v) => {
    // The conversion not rejected if there is one (at most one), else the latest rejected.
    const mine = convs.filter((c) => c.voucherId === v.id);
    const c = mine.find((x) => x.status !== 'rejected') ?? mine[0] ?? null;
    return {
      ...v,
      conversionStatus: c?.status ?? null,
      conversionId: c?.id ?? null,
      children: kids.filter((k) => k.voucherId === v.id),
    };
  });
}
