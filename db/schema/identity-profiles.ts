import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * What the identity provider (SPID/CIE, through the gateway) said about a family at its last sign-in: shown on
 * the profile page, never used for notifications or the OTP until the family confirms it (users.email/mobile).
 * Kept, not the ID token: only the values, already checked for shape.
 */
export const identityProfiles = pgTable('identity_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  givenName: text('given_name'),
  familyName: text('family_name'),
  email: text('email'),
  mobile: text('mobile'),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
});
