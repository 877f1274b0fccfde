import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { identityProfiles, users } from '../schema';

export type FamilyProfile = {
  codiceFiscale: string;
  givenName: string;
  familyName: string;
  email: string;
  mobile: string | null;
  /** What the identity provider said at the last SPID/CIE sign-in; null when the family never used it. */
  identity: {
    givenName: string | null;
    familyName: string | null;
    email: string | null;
    mobile: string | null;
    seenAt: Date;
  } | null;
};

/** The family's own record (the one notifications and the OTP use) next to what SPID/CIE said about them. */
export async function familyProfile(db: DbOrTx, userId: string): Promise<FamilyProfile | null> {
  const [row] = await db
    .select({ user: users, identity: identityProfiles })
    .from(users)
    .leftJoin(identityProfiles, eq(identityProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) return null;
  const { user, identity } = row;
  return {
    codiceFiscale: user.codiceFiscale,
    givenName: user.givenName,
    familyName: user.familyName,
    email: user.email,
    mobile: user.mobile,
    identity: identity
      ? {
          givenName: identity.givenName,
          familyName: identity.familyName,
          email: identity.email,
          mobile: identity.mobile,
          seenAt: identity.seenAt,
        }
      : null,
  };
}
