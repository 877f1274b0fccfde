import 'server-only';
import { and, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/open';
import { staffRecoveryCodes, staffTotp } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Role } from '../actor';
import { MFA_LOCK_AFTER } from './mfa-lock';
import { isStaff, staffMfaRequired } from './mfa-policy';
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes';
import { openSecret } from './secret-box';
import { checkTotp } from './totp-code';

export type SecondFactorAtLogin =
  | { kind: 'pass'; mfaPending: boolean; method: 'totp' | 'recovery' | null }
  | { kind: 'missing' }
  | { kind: 'failed' }
  /** justLocked: this attempt's wrong code was the one that locked it; otherwise it was locked already and no code was checked. */
  | { kind: 'locked'; justLocked: boolean };

export async function confirmedTotp(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(staffTotp)
    .where(and(eq(staffTotp.userId, userId), isNotNull(staffTotp.confirmedAt)));
  return row ?? null;
}

/**
 * Consumes a TOTP code (its step, so it works once) or an unused recovery code. Each consumption is a
 * conditional UPDATE: two concurrent sign-ins with the same code, one winner.
 */
export async function consumeSecondFactor(
  db: DbOrTx,
  userId: string,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  if (looksLikeRecoveryCode(code)) {
    const used = await db
      .update(staffRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(staffRecoveryCodes.userId, userId),
          eq(staffRecoveryCodes.codeHash, hashRecoveryCode(code)),
          isNull(staffRecoveryCodes.usedAt),
        ),
      )
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
    .where(
      and(eq(staffTotp.userId, userId), or(isNull(staffTotp.lastUsedStep), lt(staffTotp.lastUsedStep, check.step))),
    )
    .returning({ userId: staffTotp.userId });
  return won.length === 1 ? 'totp' : null;
}

/**
 * Called by authenticate() once the password is right. Families never have a second factor.
 * The authenticator row is locked (FOR UPDATE) for the check, so concurrent guesses for one user queue: the 20th
 * wrong one in a row locks the second factor before another is checked (MFA_LOCK_AFTER), and a right one restarts
 * the count. While locked every code is refused and none is consumed.
 */
export async function secondFactorAtLogin(
  db: Db,
  user: { id: string; role: Role; ip: string | null },
  code: string | undefined,
  now: Date,
): Promise<SecondFactorAtLogin> {
  if (!isStaff(user.role)) return { kind: 'pass', mfaPending: false, method: null };
  return db.transaction(async (tx) => {
    const [enrolled] = await tx
      .select()
      .from(staffTotp)
      .where(and(eq(staffTotp.userId, user.id), isNotNull(staffTotp.confirmedAt)))
      .for('update');
    // Not enrolled: in production the session is limited to enrolment (mfaPending) until the first code is confirmed.
    if (!enrolled) return { kind: 'pass', mfaPending: staffMfaRequired(), method: null };
    if (enrolled.lockedAt) return { kind: 'locked', justLocked: false };
    if (!code || !code.trim()) return { kind: 'missing' };
    const method = await consumeSecondFactor(tx, user.id, code.slice(0, 64), now);
    if (method) {
      if (enrolled.failedCodes > 0)
        await tx.update(staffTotp).set({ failedCodes: 0 }).where(eq(staffTotp.userId, user.id));
      return { kind: 'pass', mfaPending: false, method };
    }
    if (!(await countWrongCode(tx, { id: user.id, ip: user.ip, failedCodes: enrolled.failedCodes }, now)))
      return { kind: 'failed' };
    return { kind: 'locked', justLocked: true };
  });
}

/**
 * One more wrong code for an enrolled authenticator (its row already locked FOR UPDATE by the caller). The
 * MFA_LOCK_AFTER-th in a row locks the second factor and is audited; returns whether this one locked it.
 */
export async function countWrongCode(
  tx: DbOrTx,
  user: { id: string; ip: string | null; failedCodes: number },
  now: Date,
): Promise<boolean> {
  const failedCodes = user.failedCodes + 1;
  const locks = failedCodes >= MFA_LOCK_AFTER;
  await tx
    .update(staffTotp)
    .set({ failedCodes, ...(locks ? { lockedAt: now } : {}) })
    .where(eq(staffTotp.userId, user.id));
  if (!locks) return false;
  // M7: the count only, never a code.
  await writeAudit(tx, {
    actor: null,
    action: 'auth.mfa_locked',
    entityType: 'user',
    entityId: user.id,
    after: { failedCodes },
    ip: user.ip,
    at: now,
  });
  return true;
}
