import 'server-only';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Role } from '@/lib/auth/actor';
import { looksLikeRecoveryCode, RECOVERY_CODE_COUNT } from '@/lib/auth/totp/recovery-codes';
import { confirmedTotp, consumeSecondFactor } from '@/lib/auth/totp/second-factor';
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
  return db.transaction(async (tx) => {
    if (!(await confirmedTotp(tx, who.userId)))
      throw new AppError('invalid_state', 'La verifica in due passaggi non è attiva: attivala prima.');
    if (looksLikeRecoveryCode(code) || (await consumeSecondFactor(tx, who.userId, code, now)) !== 'totp') {
      throw new AppError('invalid_input', WRONG, { code: WRONG });
    }
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
}
