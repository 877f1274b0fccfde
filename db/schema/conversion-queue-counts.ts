import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * How many signed conversions are in each status: the office queue's tab counts in O(1) at 100 000
 * conversions (P3). Kept by a trigger on conversions (custom migration issue10_queue_counts_sql), so
 * no use case has to remember it.
 */
export const conversionQueueCounts = pgTable('conversion_queue_counts', {
  status: text('status').primaryKey(),
  n: integer('n').notNull().default(0),
});
