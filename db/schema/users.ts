import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid, bigserial } from 'drizzle-orm/pg-core';
import { providers } from './providers';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    codiceFiscale: text('codice_fiscale').notNull().unique(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email').notNull(),
    mobile: text('mobile'),
    role: text('role').notNull(),
    providerId: uuid('provider_id').references(() => providers.id),
    passwordHash: text('password_hash').notNull(),
    // Bumped on password change, deactivation, role change: every JWT carrying an older value dies.
    sessionVersion: integer('session_version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    // The family's language for pages, e-mails and SMS (issue 21); null: not chosen, pages follow the browser.
    locale: text('locale'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('family', 'provider', 'office')`),
    check('users_locale_check', sql`${t.locale} in ('it', 'en')`),
    check('users_provider_staff_check', sql`(${t.role} = 'provider') = (${t.providerId} is not null)`),
    index('users_provider_idx').on(t.providerId),
    // Office search: prefix of the codice fiscale (stored upper-case) or of the surname, case-insensitive.
    index('users_cf_prefix_idx').on(t.codiceFiscale.op('text_pattern_ops')),
    index('users_family_name_prefix_idx').using('btree', sql`lower(${t.familyName}) text_pattern_ops`),
  ],
);

/** One row per sign-in attempt; throttling counts failures here so every app instance shares them. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountKey: text('account_key').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_account_idx').on(t.accountKey, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    // 'reset' (Ho smarrito la password, 60 min) or 'activation' (new staff account, 72 h): same single-use machinery.
    purpose: text('purpose').notNull().default('reset'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('password_reset_tokens_user_idx').on(t.userId),
    check('password_reset_tokens_purpose_check', sql`${t.purpose} in ('reset', 'activation')`),
  ],
);
