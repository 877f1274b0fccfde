import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * A staff member's authenticator (TOTP, RFC 6238). The secret is stored encrypted (lib/auth/totp/secret-box.ts);
 * confirmed_at is null while enrolment waits for the first code. last_used_step refuses a code seen before (replay).
 * enrolment_session binds a pending enrolment to the session that started it (a hash of its id, lib/auth/session-id.ts):
 * another session of the same password never sees or confirms that secret. failed_codes counts wrong second factors
 * in a row; at 20 locked_at is set and the second factor refuses every code until an office reset or a password reset.
 */
export const staffTotp = pgTable('staff_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEnc: text('secret_enc').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  enrolmentSession: text('enrolment_session'),
  failedCodes: integer('failed_codes').notNull().default(0),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Ten single-use recovery codes per enrolment, stored as SHA-256 of 120 random bits (never the code). */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_recovery_codes_user_idx').on(t.userId)],
);
