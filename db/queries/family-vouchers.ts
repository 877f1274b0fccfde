import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { children, conversions, vouchers } from '@/db/schema';

/** The family's vouchers, always filtered by the holder: a family never sees another's. */
export async function listFamilyVouchers(db: DbOrTx, holderId: string) {
  const rows = await db
    .select({ voucher: vouchers, conversionStatus: conversions.status, conversionId: conversions.id })
    .from(vouchers)
    .leftJoin(conversions, eq(conversions.voucherId, vouchers.id))
    .where(eq(vouchers.holderId, holderId))
    .orderBy(asc(vouchers.status), asc(vouchers.number));
  const ids = rows.map((r) => r.voucher.id);
  const kids = ids.length ? await db.select().from(children).where(inArray(children.voucherId, ids)).orderBy(asc(children.position)) : [];
  return rows.map((r) => ({ ...r.voucher, conversionStatus: r.conversionStatus, conversionId: r.conversionId, children: kids.filter((c) => c.voucherId === r.voucher.id) }));
}
