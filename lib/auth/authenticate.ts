import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { familyPasswordSignIn } from '@/lib/config/runtime-config';
import { isValidCodiceFiscale, normalizeCodiceFiscale } from '@/lib/domain/codice-fiscale';
import type { Role } from './actor';
import { dummyPasswordHash, verifyPassword } from './password-hash';
import { markSucceeded, releaseAttempt, reserveAttempt } from './throttle';
import { MFA_LOCKED_MESSAGE } from './totp/mfa-lock';
import { secondFactorAtLogin } from './totp/second-factor';

export type AuthenticatedUser = {
  id: string;
  role: Role;
  providerId: string | null;
  sessionVersion: number;
  name: string;
  /** Staff without a second factor where it is required: the session may only enrol one (lib/auth/totp). */
  mfaPending: boolean;
};

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'family_use_spid' }
  | { ok: false; reason: 'totp_required' }
  | { ok: false; reason: 'totp_invalid' }
  | { ok: false; reason: 'totp_locked'; message: string }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The whole sign-in decision, the single entry point used by Auth.js authorize() (so a direct POST
 * to the callback is throttled too). Throttle check and reservation first (lib/auth/throttle.ts),
 * then the password, then the outcome.
 */
export async function authenticate(
  db: Db,
  input: { codiceFiscale: string; password: string; ip: string; totp?: string },
  now = new Date(),
): Promise<AuthenticateResult> {
  const cf = normalizeCodiceFiscale(input.codiceFiscale).slice(0, 32);
  const ip = input.ip.slice(0, 64);
  const reserved = await db.transaction((tx) => reserveAttempt(tx, cf, ip, now));
  if (!reserved.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: reserved.retryAfterSeconds };

  const user = isValidCodiceFiscale(cf)
    ? (await db.select().from(users).where(eq(users.codiceFiscale, cf)))[0]
    : undefined;
  // Same work whether or not the account exists: the answer time tells nothing (A4).
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password.slice(0, 256),
  );
  let ok = Boolean(user && user.active && passwordOk);
  // FAMILY_PASSWORD_SIGNIN=off: citizens sign in with SPID/CIE only. Told so only with the right password (A4).
  const familyOff = ok && user?.role === 'family' && !familyPasswordSignIn();
  if (familyOff) ok = false;
  // Staff second factor (ASVS 6.3.3). A missing code is not a failed attempt; a wrong one is, so it is throttled.
  const second =
    ok && user ? await secondFactorAtLogin(db, { id: user.id, role: user.role as Role, ip }, input.totp, now) : null;
  // Locked before this attempt: the password was right and no code was checked, so, like a missing code, not a failure.
  if (second?.kind === 'missing' || (second?.kind === 'locked' && !second.justLocked)) {
    await releaseAttempt(db, reserved.attemptId!);
    return second.kind === 'missing'
      ? { ok: false, reason: 'totp_required' }
      : { ok: false, reason: 'totp_locked', message: MFA_LOCKED_MESSAGE };
  }
  const wrongCode = second?.kind === 'failed' || second?.kind === 'locked';
  if (wrongCode) ok = false;

  await db.transaction(async (tx) => {
    if (ok) await markSucceeded(tx, reserved.attemptId!);
    const common = { entityType: 'user', entityId: user?.id ?? null, ip, at: now } as const;
    await writeAudit(
      tx,
      ok && user
        ? {
            ...common,
            actor: { userId: user.id, role: user.role as Role },
            action: 'auth.login_succeeded',
            after: second?.kind === 'pass' && second.method ? { secondFactor: second.method } : null,
          }
        : // The typed username is kept only when it is a well-formed codice fiscale, never the password.
          {
            ...common,
            actor: null,
            action: wrongCode ? 'auth.mfa_failed' : 'auth.login_failed',
            after: { codiceFiscale: isValidCodiceFiscale(cf) ? cf : null },
          },
    );
  });
  if (second?.kind === 'locked') return { ok: false, reason: 'totp_locked', message: MFA_LOCKED_MESSAGE };
  if (second?.kind === 'failed') return { ok: false, reason: 'totp_invalid' };
  if (familyOff) return { ok: false, reason: 'family_use_spid' };
  if (!ok || !user) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    user: {
      id: user.id,
      role: user.role as Role,
      providerId: user.providerId,
      sessionVersion: user.sessionVersion,
      name: `${user.givenName} ${user.familyName}`,
      mfaPending: second?.kind === 'pass' && second.mfaPending,
    },
  };
}
