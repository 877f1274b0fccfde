import type { Role } from '../actor';

export const STAFF_ROLES: readonly Role[] = ['provider', 'office'];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

/**
 * ASVS 5.0 6.3.3: staff need a second factor in production. STAFF_MFA=optional switches it off (demo
 * deployments, browser tests of other journeys); STAFF_MFA=required switches it on under `npm run dev`.
 * Families sign in with the password alone: their submission is signed with an SMS code.
 */
export function staffMfaRequired(env: Record<string, string | undefined> = process.env): boolean {
  if (env.STAFF_MFA === 'optional') return false;
  if (env.STAFF_MFA === 'required') return true;
  return env.NODE_ENV === 'production';
}
