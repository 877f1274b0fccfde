import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { identityProfiles, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { OidcEvidence, OidcRefusal } from '@/lib/domain/audit-events';
import { acrMeetsLevel } from '@/lib/domain/oidc-acr';
import { fiscalCodeFromClaims } from '@/lib/domain/oidc-fiscal-code';
import { parseEmail, parseMobile } from '@/lib/import/field-parsers';
import type { Role } from './actor';
import type { AuthenticatedUser } from './authenticate';

export type OidcSignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: OidcRefusal };

const short = (v: unknown, max = 256): string | null => (typeof v === 'string' && v ? v.slice(0, max) : null);

/** The facts about the authentication kept in the audit trail (issue 18: AgID asks for them, 24 months). */
export function oidcEvidence(claims: Readonly<Record<string, unknown>>): OidcEvidence {
  const amr = Array.isArray(claims.amr)
    ? claims.amr.filter((a): a is string => typeof a === 'string').slice(0, 8)
    : null;
  return {
    acr: short(claims.acr),
    idp: short(claims.idp),
    amr: amr?.map((a) => a.slice(0, 64)) ?? null,
    sid: short(claims.sid),
    jti: short(claims.jti),
  };
}

/** The identity provider's name, e-mail and mobile, each only when well formed (shown on the profile, nothing more). */
export function identityProfileOf(claims: Readonly<Record<string, unknown>>) {
  const email = typeof claims.email === 'string' ? parseEmail(claims.email) : null;
  const mobile = typeof claims.phone_number === 'string' ? parseMobile(claims.phone_number) : null;
  return {
    givenName: short(claims.given_name, 100),
    familyName: short(claims.family_name, 100),
    email: email?.ok ? email.value : null,
    mobile: mobile?.ok ? mobile.value : null,
  };
}

/**
 * Who gets in through SPID/CIE: only a family whose codice fiscale is already in the database, at the level asked.
 * Never creates an account. Staff keep password + second factor, so their fiscal code is refused here.
 * `claims` are the ID token's, already verified by Auth.js (signature, issuer, audience, expiry, nonce).
 */
export async function oidcSignIn(
  db: Db,
  input: { claims: Readonly<Record<string, unknown>>; acrValues: string; fiscalCodeClaim: string | null; ip: string },
  now = new Date(),
): Promise<OidcSignInResult> {
  const evidence = oidcEvidence(input.claims);
  const fiscal = fiscalCodeFromClaims(input.claims, input.fiscalCodeClaim);
  const cf = fiscal.ok ? fiscal.codiceFiscale : null;
  const user = cf ? (await db.select().from(users).where(eq(users.codiceFiscale, cf)))[0] : undefined;

  let reason: OidcRefusal | null = null;
  if (!acrMeetsLevel(input.claims.acr, input.acrValues)) reason = 'acr_too_low';
  else if (!fiscal.ok) reason = fiscal.reason === 'missing' ? 'claim_missing' : 'claim_malformed';
  else if (!user) reason = 'unknown_fiscal_code';
  else if (user.role !== 'family') reason = 'staff_account';
  else if (!user.active) reason = 'inactive';

  const common = { entityType: 'user', entityId: user?.id ?? null, ip: input.ip.slice(0, 64), at: now } as const;
  if (reason === null && user) {
    const profile = identityProfileOf(input.claims);
    // The sign-in's evidence and what the identity provider said about the family commit together.
    await db.transaction(async (tx) => {
      await tx
        .insert(identityProfiles)
        .values({ userId: user.id, ...profile, seenAt: now })
        .onConflictDoUpdate({ target: identityProfiles.userId, set: { ...profile, seenAt: now } });
      await writeAudit(tx, {
        ...common,
        actor: { userId: user.id, role: user.role as Role },
        action: 'auth.oidc_login_succeeded',
        after: evidence,
      });
    });
  } else {
    await writeAudit(db, {
      ...common,
      actor: null,
      action: 'auth.oidc_login_refused',
      after: { ...evidence, reason: reason ?? 'unknown_fiscal_code', codiceFiscale: cf },
    });
  }
  if (reason !== null || !user) return { ok: false, reason: reason ?? 'unknown_fiscal_code' };
  return {
    ok: true,
    user: {
      id: user.id,
      role: 'family',
      providerId: null,
      sessionVersion: user.sessionVersion,
      name: `${user.givenName} ${user.familyName}`,
      mfaPending: false,
    },
  };
}

/** A refusal recorded where Auth.js itself stopped the flow (state, nonce, signature, gateway down): no claims to trust. */
export async function auditOidcRefusal(db: Db, reason: OidcRefusal, ip: string, now = new Date()): Promise<void> {
  await writeAudit(db, {
    actor: null,
    action: 'auth.oidc_login_refused',
    entityType: 'user',
    entityId: null,
    ip: ip.slice(0, 64),
    at: now,
    after: { acr: null, idp: null, amr: null, sid: null, jti: null, reason, codiceFiscale: null },
  });
}
