/**
 * Benchmark data (run by tests/bench/run.mjs with `npx tsx`, while the app is stopped):
 * the demo data plus, on Anna Rossi's account, voucher BS-2020-9060 with one child and 60 active
 * standard PES, the "many PES" case of P2 (BS-2020-0001 has 3). Idempotent. Also names a family of the
 * office demo whose conversion is submitted (its receipt page).
 * Database: DATABASE_URL when set, otherwise the PGlite folder in PGLITE_DIR.
 */
import { eq } from 'drizzle-orm';
import { openDb } from '../../db/open';
import { children, pes, pesChildren, providers, users, vouchers } from '../../db/schema';
import { officeDemoFamily } from '../../db/seed/office-demo';
import { seedDemoData } from '../../db/seed/seed';

export const MANY_PES_VOUCHER = 'BS-2020-9060';
export const MANY_PES = 60;
const ANNA = 'RSSNNA85M41L378F';

async function main() {
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  try {
    const { db } = opened;
    await seedDemoData(db);
    const [anna] = await db.select({ id: users.id }).from(users).where(eq(users.codiceFiscale, ANNA));
    const [model] = await db.select().from(vouchers).where(eq(vouchers.number, 'BS-2020-0001'));
    const [prv1] = await db.select({ id: providers.id }).from(providers).where(eq(providers.code, 'PRV1'));
    if (!anna || !model || !prv1) throw new Error('demo data missing (Anna Rossi, BS-2020-0001 or PRV1)');

    await db.transaction(async (tx) => {
      const [voucher] = await tx
        .insert(vouchers)
        .values({
          number: MANY_PES_VOUCHER,
          holderId: anna.id,
          totalCents: MANY_PES * 10_000,
          status: 'assigned',
          assignedOn: model.assignedOn,
          employerName: model.employerName,
          employerTaxCode: model.employerTaxCode,
          employerAddress: model.employerAddress,
          employerSector: model.employerSector,
          twoParentHousehold: model.twoParentHousehold,
        })
        .onConflictDoNothing()
        .returning({ id: vouchers.id });
      if (!voucher) return; // already there
      const [child] = await tx
        .insert(children)
        .values({
          voucherId: voucher.id,
          position: 1,
          givenName: 'Matteo',
          familyName: 'Rossi',
          codiceFiscale: 'RSSMTT17A01L378K',
          birthDate: '2017-01-01',
        })
        .returning({ id: children.id });
      const rows = await tx
        .insert(pes)
        .values(
          Array.from({ length: MANY_PES }, (_, i) => ({
            code: `${MANY_PES_VOUCHER}/${i + 1}`,
            voucherId: voucher.id,
            providerId: prv1.id,
            kind: 'standard' as const,
            band: 'A',
            hours: 10,
            amountCents: 10_000,
            status: 'active' as const,
          })),
        )
        .returning({ id: pes.id });
      await tx.insert(pesChildren).values(rows.map((r) => ({ pesId: r.id, childId: child!.id })));
    });

    const few = model.id;
    const [many] = await db.select({ id: vouchers.id }).from(vouchers).where(eq(vouchers.number, MANY_PES_VOUCHER));
    const pesCount = async (voucherId: string) =>
      (await db.select({ id: pes.id }).from(pes).where(eq(pes.voucherId, voucherId))).length;
    // The one line run.mjs reads.
    // A family of the office demo whose conversion is signed and waiting: its receipt page is P1's.
    const submitted = officeDemoFamily(0);
    if (submitted.status !== 'submitted') throw new Error('office demo family 0 is no longer a submitted one');
    console.log(
      JSON.stringify({
        kind: opened.kind,
        holderId: anna.id,
        few: { id: few, pes: await pesCount(few) },
        many: { id: many!.id, pes: await pesCount(many!.id) },
        submitted,
      }),
    );
  } finally {
    await opened.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
