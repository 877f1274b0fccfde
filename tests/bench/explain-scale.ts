/**
 * P3, plans: runs the read functions of the pages P3 measures (office queue first page and filtered
 * pages, provider dashboard and its search) on the current data, records every SQL statement they
 * issue, and EXPLAINs each with its parameters. A sequential scan of a big table (conversions, pes,
 * vouchers, users, children, pes_children) is what P3 forbids. Run by tests/bench/run.mjs while the
 * app is stopped: `npx tsx --conditions=react-server tests/bench/explain-scale.ts [--plans]`.
 * Prints one JSON line: [{ label, statements, indexes, seqScans }] (--plans adds the plan texts, --analyze the
 * statements' summed execution time).
 */
import { eq } from 'drizzle-orm';
import { officeQueue } from '../../db/queries/office/queue';
import { searchProviderPes } from '../../db/queries/provider-pes-list';
import { providerQueues } from '../../db/queries/provider-queues';
import { providers, users } from '../../db/schema';
import { officeQueueQuerySchema } from '../../lib/validation/office-queue';
import { recordingDb } from './recording-db';

const BIG = new Set(['conversions', 'pes', 'vouchers', 'users', 'children', 'pes_children', 'conversion_submissions']);

/** The bench family whose codice fiscale the searches type (exists at 1 000 and at 100 000). */
export const SEARCH_CF = 'BNF0000000000123';

async function main() {
  const withPlans = process.argv.includes('--plans');
  // --analyze: EXPLAIN ANALYZE (runs the statements; adds their summed execution time, a load-dependent figure).
  const analyze = process.argv.includes('--analyze');
  const { db, statements, raw, close } = await recordingDb();
  try {
    const [office] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'office')).limit(1);
    const [prv1] = await db.select({ id: providers.id }).from(providers).where(eq(providers.code, 'PRV1'));
    if (!office || !prv1) throw new Error('demo data missing (office user or PRV1)');
    const scope = { officeUserId: office.id, __office: true } as const;
    const cases: [string, () => Promise<unknown>][] = [
      ['office queue, first page', () => officeQueue(db, scope, officeQueueQuerySchema.parse({}))],
      ['office queue, misura=estivi', () => officeQueue(db, scope, officeQueueQuerySchema.parse({ misura: 'estivi' }))],
      [
        'office queue, misura=entrambi, stato=tutte',
        () => officeQueue(db, scope, officeQueueQuerySchema.parse({ misura: 'entrambi', stato: 'tutte' })),
      ],
      [
        'office queue, q=<codice fiscale>',
        () => officeQueue(db, scope, officeQueueQuerySchema.parse({ q: SEARCH_CF, stato: 'tutte' })),
      ],
      // Issue 19: the office's term, filtered and sorted (conversions_decision_due_idx).
      [
        'office queue, ordine=termine',
        () => officeQueue(db, scope, officeQueueQuerySchema.parse({ ordine: 'termine' })),
      ],
      [
        'office queue, termine=scaduti',
        () => officeQueue(db, scope, officeQueueQuerySchema.parse({ termine: 'scaduti' })),
      ],
      ['provider queues (close requests, validations)', () => providerQueues(db, prv1.id)],
      ['provider "Tutti i PES", first page', () => searchProviderPes(db, prv1.id, {})],
      ['provider "Tutti i PES", q=<codice fiscale>', () => searchProviderPes(db, prv1.id, { q: SEARCH_CF })],
      ['provider "Tutti i PES", q=<voucher number>', () => searchProviderPes(db, prv1.id, { q: 'BN-0000123' })],
    ];
    const out = [];
    for (const [label, run] of cases) {
      statements.length = 0;
      await run();
      const issued = [...statements];
      const indexes = new Set<string>();
      const seqScans = new Set<string>();
      const plans: string[] = [];
      let executionMs = 0;
      for (const s of issued) {
        const rows = await raw(`explain ${analyze ? '(analyze) ' : ''}${s.text}`, s.params);
        const plan = rows.map((r) => String(Object.values(r)[0])).join('\n');
        if (withPlans) plans.push(`${s.text}\n${plan}`);
        for (const m of plan.matchAll(/Index (?:Only )?Scan(?: Backward)? using (\w+)|Bitmap Index Scan on (\w+)/g))
          indexes.add((m[1] ?? m[2])!);
        for (const m of plan.matchAll(/Seq Scan on (\w+)/g)) if (BIG.has(m[1]!)) seqScans.add(m[1]!);
        executionMs += Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
      }
      out.push({
        label,
        statements: issued.length,
        indexes: [...indexes].sort(),
        seqScans: [...seqScans].sort(),
        ...(analyze ? { executionMs: Math.round(executionMs * 10) / 10 } : {}),
        ...(withPlans ? { plans } : {}),
      });
    }
    console.log(JSON.stringify(out));
  } finally {
    await close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
