import 'server-only';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { staffRecoveryCodes, staffTotp } from '@/db/schema';
import type { Role } from '../actor';
import { isStaff, staffMfaRequired } from './mfa-policy';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { openSecret } from './secret-box';
import { checkTotp } from './totp-code';

export type SecondFactorAtLogin =
  | { kind: 'pass'; mfaPending: boolean; method: 'totp' | 'recovery' | null }
  | { kind: 'missing' }
  | { kind: 'failed' };

export async function confirmedTotp(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(staffTotp).where(and(eq(staffTotp.userId, userId), isNotNull(staffTotp.confirmedAt)));
  return row ?? null;
}

/**
 * Consumes a TOTP code (its step, so it works once) or an unused recovery code. Each consumption is a
 * conditional UPDATE: two concurrent sign-ins with the same code, one winner.
 */
export async function consumeSecondFactor(db: DbOrTx, userId: string, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
  if (looksLikeRecoveryCode(code)) {
    const used = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(staffRecoveryCodes.userId, userId), eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    return used.length === 1 ? 'recovery' : null;
  }
  const row = await confirmedTotp(db, userId);
  if (!row) return null;
  const check = checkTotp(openSecret(row.secretEnc, userId), code, Math.floor(now.getTime() / 1000), row.lastUsedStep);
  if (!check.ok) return null;
  const won = await db
    .update(staffTotp)
    .set({ lastUsedStep: check.step })
    .where(and(eq(staffTotp.userId, userId), or(isNull(staffTotp.lastUsedStep), lt(staffTotp.lastUsedStep, check.step))))
    .returning({ userId: staffTotp.userId });
  return won.length === 1 ? 'totp' : null;
}

/** Called by authenticate() once the password is right. Families never have a second factor. */
export async function secondFactorAtLogin(db: DbOrTx, user: { id: string; role: Role }, code: string | undefined, now: Date): Promise<SecondFactorAtLogin> {
  if (!isStaff(user.role)) return { kind: 'pass', mfaPending: false, method: null };
  const enrolled = await confirmedTotp(db, user.id);
  // Not enrolled: in production the session is limited to enrolment (mfaPending) until the first code is confirmed.
  if (!enrolled) return { kind: 'pass', mfaPending: staffMfaRequired(), method: null };
  if (!code || !code.trim()) return { kind: 'missing' };
  const method = await consumeSecondFactor(db, user.id, code.slice(0, 64), now);
  return method ? { kind: 'pass', mfaPending: false, method } : { kind: 'failed' };
}
