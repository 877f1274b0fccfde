import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Per-measure rules (Del. 575/2020, Del. 742/2020), data not code: the office edits them. */
export const measureParameters = pgTable(
  'measure_parameters',
  {
    measure: text('measure').primaryKey(),
    legalReference: text('legal_reference').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    hourlyCapOneChildCents: bigint('hourly_cap_one_child_cents', { mode: 'number' }),
    hourlyCapMultiChildCents: bigint('hourly_cap_multi_child_cents', { mode: 'number' }),
    copayBasisPoints: integer('copay_basis_points').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('measure_parameters_measure_check', sql`${t.measure} in ('babysitting_covid', 'summer_covid')`),
    check('measure_parameters_window_check', sql`${t.opensOn} <= ${t.closesOn}`),
    check('measure_parameters_copay_check', sql`${t.copayBasisPoints} between 0 and 10000`),
    check(
      'measure_parameters_caps_check',
      sql`coalesce(${t.hourlyCapOneChildCents}, 0) >= 0 and coalesce(${t.hourlyCapMultiChildCents}, 0) >= 0`,
    ),
  ],
);
