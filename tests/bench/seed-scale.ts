/**
 * P3 data (run by tests/bench/run.mjs with `npx tsx`, while the app is stopped): grows the bench's
 * synthetic population to N signed-or-in-progress conversions, with generate_series (set-based SQL,
 * never row by row). Voucher i (BN-0000001 …) belongs to family (i-1)/5+1 (N/5 families, codici fiscali
 * BNF0000000000001 …) and has:
 *  - one standard PES at Il Germoglio (PRV1): N PES for that provider; 1 % of them (i % 100 = 0) wait
 *    to be closed — about 5 % of the families, the "1 003 cards" — the others are closed;
 *  - a conversion: submitted / returned / approved / rejected (i % 10), oldest submitted = highest i;
 *    i % 100 = 0 is a draft and i % 100 = 50 waits for Il Germoglio to validate its new PES;
 *  - its new COVID PES (babysitting, summer or both, i % 3) at Estate Ragazzi (PRV2).
 * Each waiting step gets the due date the use cases would have stamped (fillMissingDueDates).
 * Growing from 1 000 to 100 000 keeps rows 1..1 000 as they were. Ends with VACUUM ANALYZE (fresh
 * statistics and visibility map, as autovacuum would leave them). Prints one JSON line.
 */
import { sql } from 'drizzle-orm';
import { openDb } from '../../db/open';
import { fillMissingDueDates } from '../../lib/services/terms/fill-missing-due-dates';

async function main() {
  const target = Number(process.argv[2]);
  if (!Number.isSafeInteger(target) || target < 1) throw new Error('usage: seed-scale.ts <conversions>');
  const opened = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
  const { db } = opened;
  // postgres-js answers an array of rows, PGlite { rows }.
  const one = async <T>(q: ReturnType<typeof sql>): Promise<T> => {
    const r = (await db.execute(q)) as unknown;
    return (Array.isArray(r) ? r : (r as { rows: T[] }).rows)[0] as T;
  };
  try {
    const existing = Number(
      (await one<{ n: number }>(sql`select count(*)::int as n from vouchers where number like 'BN-%'`)).n,
    );
    const from = existing + 1;
    const started = Date.now();
    const timings: number[] = [];
    let dueDates = { pes: 0, conversions: 0 };
    if (from <= target) {
      const fam = (i: string) => `'BNF' || lpad(((${i} - 1) / 5 + 1)::text, 13, '0')`;
      const range = `generate_series(${from}, ${target}) i`;
      const steps = [
        `insert into users (codice_fiscale, given_name, family_name, email, mobile, role, password_hash)
           select 'BNF' || lpad(f::text, 13, '0'), 'Famiglia', 'Bench' || f, 'bench.' || f || '@example.it', '+39348' || lpad(f::text, 7, '0'), 'family', 'bench-no-login'
           from generate_series(${Math.floor((from - 1) / 5) + 1}, ${Math.floor((target - 1) / 5) + 1}) f
           on conflict (codice_fiscale) do nothing`,
        `insert into vouchers (number, holder_id, total_cents, status, assigned_on, employer_name, employer_tax_code, employer_address, employer_sector)
           select 'BN-' || lpad(i::text, 7, '0'), u.id, 200000, 'assigned', '2020-02-10', 'Bench Srl', '00000000000', 'Via Bench 1, 38122 Trento (TN)', 'privato'
           from ${range} join users u on u.codice_fiscale = ${fam('i')}`,
        `insert into children (voucher_id, position, given_name, family_name, codice_fiscale, birth_date)
           select v.id, 1, 'Bimbo', 'Bench', 'BNC' || substr(v.number, 4), '2016-03-01' from vouchers v
           where v.number like 'BN-%' and v.number > 'BN-' || lpad(${existing}::text, 7, '0')`,
        `insert into pes (code, voucher_id, provider_id, kind, band, hours, amount_cents, used_cents, hours_used, status, close_requested_at, closed_at, updated_at, created_at)
           select v.number || '/1', v.id, p.id, 'standard', 'C', 80, 200000,
             case when i % 100 = 0 then null else 80000 end, case when i % 100 = 0 then null else 30 end,
             case when i % 100 = 0 then 'close_requested' else 'closed' end,
             timestamptz '2026-11-20 12:00:00+00' - i * interval '40 seconds',
             case when i % 100 = 0 then null else timestamptz '2026-11-20 12:00:00+00' - i * interval '30 seconds' end,
             timestamptz '2026-11-25 12:00:00+00' - i * interval '20 seconds', timestamptz '2026-11-01 00:00:00+00'
           from ${range} join vouchers v on v.number = 'BN-' || lpad(i::text, 7, '0') join providers p on p.code = 'PRV1'`,
        `insert into conversions (voucher_id, status, employment_condition, protocol_number, submitted_at, decided_at, created_at, updated_at)
           select v.id,
             case when i % 100 = 0 then 'draft' when i % 100 = 50 then 'awaiting_validation'
               else (array['submitted','submitted','submitted','submitted','submitted','returned','approved','approved','rejected','submitted'])[i % 10 + 1] end,
             'private_sector',
             case when i % 50 = 0 then null else 'MPES-2019-' || lpad(i::text, 6, '0') end,
             case when i % 50 = 0 then null else timestamptz '2026-11-20 12:00:00+00' - i * interval '30 seconds' end,
             case when i % 10 in (5, 6, 7, 8) and i % 50 <> 0 then timestamptz '2026-11-21 12:00:00+00' end,
             timestamptz '2026-10-01 00:00:00+00', timestamptz '2026-11-21 12:00:00+00'
           from ${range} join vouchers v on v.number = 'BN-' || lpad(i::text, 7, '0')`,
        `insert into pes (code, voucher_id, conversion_id, provider_id, kind, band, hours, amount_cents, hourly_rate_cents, status, validation_requested_at, updated_at, created_at)
           select v.number || '/' || (k + 1), v.id, c.id, p.id,
             case when k = 1 and i % 3 <> 1 then 'babysitting_covid' else 'summer_covid' end,
             case when k = 1 and i % 3 <> 1 then null else 'C' end,
             case when k = 1 and i % 3 <> 1 then 20 else 30 end,
             case when k = 1 and i % 3 <> 1 then 36000 else 50000 end,
             case when k = 1 and i % 3 <> 1 then 1800 end,
             case when i % 100 = 50 then 'awaiting_validation' else 'validated' end,
             timestamptz '2026-11-15 12:00:00+00' - i * interval '10 seconds',
             timestamptz '2026-11-24 12:00:00+00' - i * interval '20 seconds', timestamptz '2026-11-01 00:00:00+00'
           from ${range}
           cross join generate_series(1, 2) k
           join vouchers v on v.number = 'BN-' || lpad(i::text, 7, '0')
           join conversions c on c.voucher_id = v.id
           join providers p on p.code = case when i % 100 = 50 then 'PRV1' else 'PRV2' end
           where k = 1 or i % 3 = 2`,
        `insert into pes_children (pes_id, child_id)
           select p.id, c.id from vouchers v join pes p on p.voucher_id = v.id join children c on c.voucher_id = v.id
           where v.number like 'BN-%' and v.number > 'BN-' || lpad(${existing}::text, 7, '0')`,
      ];
      // The queue-count trigger would update one counter row per inserted conversion (a long chain of
      // row versions in one transaction): off for the bulk insert, then the counts recomputed as
      // migration 0005 does.
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw('alter table conversions disable trigger conversions_queue_counts'));
        for (const step of steps) {
          const t0 = Date.now();
          await tx.execute(sql.raw(step));
          timings.push(Date.now() - t0);
        }
        // The due dates the use cases stamp when each step starts (terms, holidays, suspension), grouped by
        // start day, so the queue, dashboard and «In ritardo» pages measure what production would hold.
        const t0 = Date.now();
        dueDates = await fillMissingDueDates(tx);
        timings.push(Date.now() - t0);
        await tx.execute(sql.raw('alter table conversions enable trigger conversions_queue_counts'));
        await tx.execute(
          sql.raw(`insert into conversion_queue_counts (status, n)
            select status, count(*)::int from conversions where submitted_at is not null group by status
            on conflict (status) do update set n = excluded.n`),
        );
      });
    }
    const seeded = Date.now() - started;
    await db.execute(sql.raw('vacuum analyze'));
    const counts = await one<Record<string, number>>(sql`select
      (select count(*)::int from conversions where submitted_at is not null) as signed,
      (select count(*)::int from pes p join providers r on r.id = p.provider_id where r.code = 'PRV1') as prv1_pes,
      (select count(*)::int from pes p join providers r on r.id = p.provider_id where r.code = 'PRV1' and p.status = 'close_requested') as prv1_close_requests,
      (select count(distinct v.holder_id)::int from pes p join vouchers v on v.id = p.voucher_id join providers r on r.id = p.provider_id where r.code = 'PRV1') as prv1_families`);
    // The one line run.mjs reads.
    console.log(
      JSON.stringify({
        kind: opened.kind,
        target,
        seededMs: seeded,
        stepMs: timings,
        dueDatesFilled: dueDates,
        ...counts,
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
