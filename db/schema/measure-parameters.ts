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
    // Terms of the waiting steps (issue 19), in days: working days for providers, calendar days for the
    // office and the family. A step stores its due date when it starts, so a change applies to later steps.
    closeTermWorkingDays: integer('close_term_working_days').notNull().default(10),
    validateTermWorkingDays: integer('validate_term_working_days').notNull().default(5),
    decisionTermDays: integer('decision_term_days').notNull().default(30),
    integrationTermDays: integer('integration_term_days').notNull().default(10),
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
    check(
      'measure_parameters_terms_check',
      sql`${t.closeTermWorkingDays} between 1 and 365 and ${t.validateTermWorkingDays} between 1 and 365 and ${t.decisionTermDays} between 1 and 365 and ${t.integrationTermDays} between 1 and 365`,
    ),
  ],
);

/** Local feast days the office adds to Italy's public holidays ("06-26" San Vigilio, Trento), every year. */
export const localFeastDays = pgTable(
  'local_feast_days',
  {
    monthDay: text('month_day').primaryKey(),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('local_feast_days_month_day_check', sql`${t.monthDay} ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`)],
);
