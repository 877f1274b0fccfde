import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { conversions } from './conversions';

export const otpCodes = pgTable(
  'otp_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversionId: uuid('conversion_id')
      .notNull()
      .references(() => conversions.id),
    codeHash: text('code_hash').notNull(),
    // The code signs this exact dossier: any change after sending invalidates it.
    dossierSha256: text('dossier_sha256').notNull(),
    maskedMobile: text('masked_mobile').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('otp_codes_failed_check', sql`${t.failedAttempts} >= 0`),
    index('otp_codes_conversion_idx').on(t.conversionId, t.createdAt),
  ],
);
