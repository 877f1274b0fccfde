import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { passwordResetTokens, staffTotp, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import { hashPassword } from '@/lib/auth/password-hash';
import { hashResetToken } from '@/lib/auth/reset-token';
import { recordProofOfOwnership } from '@/lib/auth/throttle';
import { checkPassword } from '@/lib/domain/password-policy';
import { enqueueEmail } from '@/lib/notifications/enqueue';

/** Sets the new password, consumes the link once, and ends every session of the user (A5, S1). */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string; ip: string | null },
  now = new Date(),
): Promise<void> {
  const tokenHash = hashResetToken(input.token);
  const [found] = await db
    .select({
      userId: passwordResetTokens.userId,
      cf: users.codiceFiscale,
      given: users.givenName,
      family: users.familyName,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
      ),
    );
  if (!found) throw new AppError('token_invalid');

  const policy = checkPassword(input.password, [found.cf, found.given, found.family]);
  if (!policy.ok) throw new AppError('invalid_input', policy.reasons.join(' '), { password: policy.reasons.join(' ') });
  const passwordHash = await hashPassword(input.password);

  await db.transaction(async (tx) => {
    // The conditional UPDATE is the single-use guarantee: two concurrent submits, one winner.
    const consumed = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, tokenHash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (consumed.length !== 1) throw new AppError('token_invalid');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, found.userId))
      .returning({ id: users.id, email: users.email, role: users.role, givenName: users.givenName });
    // Following the e-mailed link proves the owner: the sign-in lock on the account is lifted, and so is a second
    // factor locked by wrong codes (the authenticator itself stays; whoever guessed with the old password lost it).
    await recordProofOfOwnership(tx, found.cf, input.ip, now);
    const [totp] = await tx
      .select({ lockedAt: staffTotp.lockedAt })
      .from(staffTotp)
      .where(eq(staffTotp.userId, found.userId));
    if (totp)
      await tx.update(staffTotp).set({ failedCodes: 0, lockedAt: null }).where(eq(staffTotp.userId, found.userId));
    await writeAudit(tx, {
      actor: { userId: user!.id, role: user!.role as 'family' },
      action: 'auth.password_reset_completed',
      entityType: 'user',
      entityId: user!.id,
      after: totp?.lockedAt ? { secondFactorUnlocked: true } : null,
      ip: input.ip,
      at: now,
    });
    await enqueueEmail(tx, {
      to: user!.email,
      subject: 'La password è stata cambiata — Buoni di servizio',
      paragraphs: [
        `Gentile ${user!.givenName},`,
        'la password del tuo accesso ai Buoni di servizio è stata cambiata. Tutte le sessioni aperte sono state chiuse.',
        'Se non sei stato tu, usa subito «Ho smarrito la password» per impostarne una nuova e contatta la Struttura Multifunzionale Territoriale Ad Personam.',
      ],
    });
  });
}
