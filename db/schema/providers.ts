import { boolean, check, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const providers = pgTable('providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  taxCode: text('tax_code').notNull(),
  email: text('email').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which COVID-19 measures a provider joined and from when: only a provider whose membership covers
 * today appears in that measure's drop-down. Leaving sets left_on (the first day it is no longer
 * offered); its PES already on vouchers stay as they are.
 */
export const providerMeasures = pgTable(
  'provider_measures',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    measure: text('measure').notNull(),
    joinedOn: date('joined_on', { mode: 'string' })
      .notNull()
      .default(sql`current_date`),
    leftOn: date('left_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.measure] }),
    check('provider_measures_measure_check', sql`${t.measure} in ('babysitting_covid', 'summer_covid')`),
    check('provider_measures_dates_check', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

export const providerBands = pgTable(
  'provider_bands',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    band: text('band').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.providerId, t.band] }),
    check('provider_bands_band_check', sql`${t.band} in ('A', 'B', 'C')`),
  ],
);
