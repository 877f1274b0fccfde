import 'server-only';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Role } from '@/lib/auth/actor';
import { looksLikeRecoveryCode, RECOVERY_CODE_COUNT } from '@/lib/auth/totp/recovery-codes';
import { staffTotp } from '@/db/schema';
import { MFA_LOCKED_MESSAGE as LOCKED } from '@/lib/auth/totp/mfa-lock';
import { consumeSecondFactor, countWrongCode } from '@/lib/auth/totp/second-factor';
import { replaceRecoveryCodes } from './replace-recovery-codes';

const WRONG = 'Il codice non è corretto o è già stato usato: inserisci quello che l’app mostra adesso.';

/**
 * New recovery codes replace all the old ones. A current authenticator code is required (a recovery code
 * is not enough), so a session left open on someone's desk cannot mint codes for a stranger.
 */
export async function regenerateRecoveryCodes(
  db: Db,
  who: { userId: string; role: Role; ip: string | null; requestId?: string | null },
  code: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  // A wrong code must stay counted, so the transaction commits it and the refusal is thrown after.
  const outcome = await db.transaction(async (tx): Promise<{ refused: string } | { recoveryCodes: string[] }> => {
    const [enrolled] = await tx
      .select()
      .from(staffTotp)
      .where(and(eq(staffTotp.userId, who.userId), isNotNull(staffTotp.confirmedAt)))
      .for('update');
    if (!enrolled) throw new AppError('invalid_state', 'La verifica in due passaggi non è attiva: attivala prima.');
    if (enrolled.lockedAt) return { refused: LOCKED };
    if (looksLikeRecoveryCode(code) || (await consumeSecondFactor(tx, who.userId, code, now)) !== 'totp') {
      // An open session left on a desk must not become an unlimited code-guessing oracle.
      const locked = await countWrongCode(tx, { id: who.userId, ip: who.ip, failedCodes: enrolled.failedCodes }, now);
      return { refused: locked ? LOCKED : WRONG };
    }
    if (enrolled.failedCodes > 0)
      await tx.update(staffTotp).set({ failedCodes: 0 }).where(eq(staffTotp.userId, who.userId));
    const codes = await replaceRecoveryCodes(tx, who.userId, now);
    await writeAudit(tx, {
      actor: { userId: who.userId, role: who.role, ip: who.ip, requestId: who.requestId ?? null },
      action: 'user.mfa_recovery_codes_renewed',
      entityType: 'user',
      entityId: who.userId,
      after: { recoveryCodes: RECOVERY_CODE_COUNT },
      at: now,
    });
    return { recoveryCodes: codes };
  });
  if ('refused' in outcome) {
    const locked = outcome.refused === LOCKED;
    throw new AppError(locked ? 'invalid_state' : 'invalid_input', outcome.refused, { code: outcome.refused });
  }
  return outcome;
}
