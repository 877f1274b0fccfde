import { sql } from 'drizzle-orm';
import { check, integer, pgTable } from 'drizzle-orm/pg-core';

/**
 * One row per year: the last protocol number given. Incremented by an upsert inside the
 * submitting transaction, so numbers are consecutive and a rolled-back submission leaves no gap.
 */
export const protocolCounters = pgTable(
  'protocol_counters',
  {
    year: integer('year').primaryKey(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [check('protocol_counters_number_check', sql`${t.lastNumber} >= 0 and ${t.lastNumber} <= 999999`)],
);
