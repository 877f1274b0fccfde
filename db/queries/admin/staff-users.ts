import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { loginAttempts, providers, staffTotp, users } from '@/db/schema';

/**
 * Provider and office clerks with their provider, second-factor state and last successful sign-in
 * (from login_attempts, one index-backed lookup per row on (account_key, at)). One statement.
 */
export async function listStaffUsers(db: DbOrTx) {
  const lastLogin = sql<Date | string | null>`(
    select max(${loginAttempts.at}) from ${loginAttempts}
    where ${loginAttempts.accountKey} = ${users.codiceFiscale} and ${loginAttempts.success}
  )`;
  const rows = await db
    .select({
      id: users.id,
      codiceFiscale: users.codiceFiscale,
      givenName: users.givenName,
      familyName: users.familyName,
      email: users.email,
      role: users.role,
      active: users.active,
      providerName: providers.name,
      mfaEnrolledAt: staffTotp.confirmedAt,
      lastLoginAt: lastLogin,
    })
    .from(users)
    .leftJoin(providers, eq(providers.id, users.providerId))
    .leftJoin(staffTotp, eq(staffTotp.userId, users.id))
    .where(and(inArray(users.role, ['provider', 'office'])))
    .orderBy(asc(users.role), asc(providers.name), asc(users.familyName), asc(users.givenName))
    .limit(1000);
  // postgres-js and PGlite return the subquery's timestamp as text; normalise to Date.
  return rows.map((r) => ({ ...r, lastLoginAt: r.lastLoginAt ? new Date(r.lastLoginAt) : null }));
}
