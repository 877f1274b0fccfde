import 'server-only';
import { randomUUID } from 'node:crypto';
import { bulkInsert } from '@/db/bulk-insert';
import type { DbOrTx } from '@/db/open';
import { children, pes, pesChildren, users, vouchers } from '@/db/schema';
import type { ImportPlan } from '@/lib/import/plan-voucher-import';
import { unusablePasswordHash, type NewAccount } from '@/lib/services/account/send-activation';
import type { ImportLookups } from './import-vouchers-check';

export type InsertCounts = {
  families: number;
  vouchers: number;
  children: number;
  pes: number;
  skippedVouchers: number;
};

/**
 * Multi-row inserts of a thousand rows with ids made here, so children and PES can point at their
 * voucher without reading anything back: 10 000 rows take a few dozen statements, not 50 000.
 */
export async function insertImportPlan(
  tx: DbOrTx,
  plan: ImportPlan,
  lookups: ImportLookups,
): Promise<{ counts: InsertCounts; newAccounts: NewAccount[] }> {
  const fresh = plan.vouchers.filter((v) => !lookups.existingVouchers.has(v.number));
  const holderIds = new Map(lookups.existingHolders);
  const newAccounts: NewAccount[] = [];
  for (const v of fresh) {
    if (holderIds.has(v.holderCodiceFiscale)) continue;
    const h = plan.holders.get(v.holderCodiceFiscale)!;
    const id = randomUUID();
    holderIds.set(v.holderCodiceFiscale, id);
    newAccounts.push({
      id,
      email: h.email,
      givenName: h.givenName,
      familyName: h.familyName,
      codiceFiscale: h.codiceFiscale,
    });
  }
  const mobiles = new Map(newAccounts.map((a) => [a.id, plan.holders.get(a.codiceFiscale)!.mobile]));

  const voucherRows: (typeof vouchers.$inferInsert)[] = [];
  const childRows: (typeof children.$inferInsert)[] = [];
  const pesRows: (typeof pes.$inferInsert)[] = [];
  const links: (typeof pesChildren.$inferInsert)[] = [];
  for (const v of fresh) {
    const voucherId = randomUUID();
    voucherRows.push({
      id: voucherId,
      number: v.number,
      holderId: holderIds.get(v.holderCodiceFiscale)!,
      totalCents: v.totalCents,
      status: 'assigned',
      assignedOn: v.assignedOn,
      employerName: v.employer.name,
      employerTaxCode: v.employer.taxCode,
      employerAddress: v.employer.address,
      employerSector: v.employer.sector,
      twoParentHousehold: v.twoParentHousehold,
    });
    const childIds = new Map<string, string>();
    for (const c of v.children) {
      const id = randomUUID();
      childIds.set(c.codiceFiscale, id);
      childRows.push({
        id,
        voucherId,
        position: c.position,
        givenName: c.givenName,
        familyName: c.familyName,
        codiceFiscale: c.codiceFiscale,
        birthDate: c.birthDate,
        disability: c.disability,
      });
    }
    for (const p of v.pes) {
      const id = randomUUID();
      pesRows.push({
        id,
        code: p.code,
        voucherId,
        providerId: lookups.providerIds.get(p.providerCode)!,
        kind: 'standard',
        band: p.band,
        hours: p.hours,
        amountCents: p.amountCents,
        status: 'active',
      });
      links.push({ pesId: id, childId: childIds.get(p.childCodiceFiscale)! });
    }
  }

  await bulkInsert(
    tx,
    users,
    newAccounts.map((a) => ({
      id: a.id,
      codiceFiscale: a.codiceFiscale,
      givenName: a.givenName,
      familyName: a.familyName,
      email: a.email,
      mobile: mobiles.get(a.id)!,
      role: 'family',
      passwordHash: unusablePasswordHash(),
    })),
  );
  await bulkInsert(tx, vouchers, voucherRows);
  await bulkInsert(tx, children, childRows);
  await bulkInsert(tx, pes, pesRows);
  await bulkInsert(tx, pesChildren, links);
  return {
    counts: {
      families: newAccounts.length,
      vouchers: voucherRows.length,
      children: childRows.length,
      pes: pesRows.length,
      skippedVouchers: plan.vouchers.length - fresh.length,
    },
    newAccounts,
  };
}
