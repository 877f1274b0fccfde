import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

export const vouchers = pgTable(
  'vouchers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => users.id),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    assignedOn: date('assigned_on', { mode: 'string' }).notNull(),
    employerName: text('employer_name').notNull(),
    employerTaxCode: text('employer_tax_code').notNull(),
    employerAddress: text('employer_address').notNull(),
    employerSector: text('employer_sector').notNull(),
    twoParentHousehold: boolean('two_parent_household').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('vouchers_total_check', sql`${t.totalCents} >= 0`),
    check('vouchers_status_check', sql`${t.status} in ('assigned', 'concluded')`),
    index('vouchers_holder_idx').on(t.holderId),
    index('vouchers_number_prefix_idx').on(t.number.op('text_pattern_ops')),
  ],
);

export const children = pgTable(
  'children',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voucherId: uuid('voucher_id')
      .notNull()
      .references(() => vouchers.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    codiceFiscale: text('codice_fiscale').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    disability: boolean('disability').notNull().default(false),
  },
  (t) => [uniqueIndex('children_voucher_position_idx').on(t.voucherId, t.position)],
);
