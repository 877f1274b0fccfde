import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { staffTotp, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Role } from '@/lib/auth/actor';
import { RECOVERY_CODE_COUNT } from '@/lib/auth/totp/recovery-codes';
import { openSecret } from '@/lib/auth/totp/secret-box';
import { checkTotp } from '@/lib/auth/totp/totp-code';
import { replaceRecoveryCodes } from './replace-recovery-codes';

const CODE_ERRORS = {
  malformed: 'Il codice è fatto di 6 cifre: copialo dall’app di autenticazione.',
  wrong:
    'Il codice non corrisponde. Controlla che l’ora del telefono sia automatica e inserisci il codice che l’app mostra adesso.',
  replayed: 'Questo codice è già stato usato: attendi il prossimo (ogni 30 secondi) e inseriscilo.',
} as const;
export const ENROLMENT_ELSEWHERE =
  'L’attivazione è stata avviata in un’altra sessione (un’altra finestra o un altro dispositivo). Per completarla qui premi «Ricomincia l’attivazione qui»: la chiave mostrata nell’altra sessione smetterà di valere.';

export type EnrollingStaff = {
  userId: string;
  role: Role;
  ip: string | null;
  requestId?: string | null;
  /** The session the enrolment must have been started in (StaffIdentity.sessionKey). */
  sessionKey: string | null;
  /** Re-issues this session at the new session version (StaffIdentity.continueSession). */
  continueSession: (sessionVersion: number) => Promise<void>;
};

/**
 * Step 2: the first code proves the app holds the secret. Returns the 10 recovery codes, shown once and
 * stored only as hashes; a new enrolment replaces any old ones. The second factor now guards the account, so
 * every session opened with the password alone ends (session version bumped, S1) — a stolen password's session
 * must not become a full one — except this one, re-issued after the commit.
 */
export async function confirmTotpEnrolment(
  db: Db,
  who: EnrollingStaff,
  code: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const { codes, sessionVersion } = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(staffTotp)
      .where(and(eq(staffTotp.userId, who.userId), isNull(staffTotp.confirmedAt)));
    if (!row)
      throw new AppError(
        'invalid_state',
        'Non c’è un’attivazione in corso: premi «Attiva la verifica in due passaggi» per iniziare.',
      );
    if (!who.sessionKey || row.enrolmentSession !== who.sessionKey)
      throw new AppError('invalid_state', ENROLMENT_ELSEWHERE);
    const check = checkTotp(openSecret(row.secretEnc, who.userId), code, Math.floor(now.getTime() / 1000), null);
    if (!check.ok) throw new AppError('invalid_input', CODE_ERRORS[check.reason], { code: CODE_ERRORS[check.reason] });
    const confirmed = await tx
      .update(staffTotp)
      .set({ confirmedAt: now, lastUsedStep: check.step, enrolmentSession: null, failedCodes: 0, lockedAt: null })
      .where(
        and(
          eq(staffTotp.userId, who.userId),
          isNull(staffTotp.confirmedAt),
          eq(staffTotp.secretEnc, row.secretEnc),
          eq(staffTotp.enrolmentSession, who.sessionKey),
        ),
      )
      .returning({ userId: staffTotp.userId });
    if (confirmed.length !== 1) throw new AppError('conflict');
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, who.userId))
      .returning({ sessionVersion: users.sessionVersion });
    const codes = await replaceRecoveryCodes(tx, who.userId, now);
    await writeAudit(tx, {
      actor: { userId: who.userId, role: who.role, ip: who.ip, requestId: who.requestId ?? null },
      action: 'user.mfa_enrolled',
      entityType: 'user',
      entityId: who.userId,
      after: { method: 'totp', recoveryCodes: RECOVERY_CODE_COUNT, otherSessionsEnded: true },
      at: now,
    });
    return { codes, sessionVersion: user!.sessionVersion };
  });
  await who.continueSession(sessionVersion);
  return { recoveryCodes: codes };
}
