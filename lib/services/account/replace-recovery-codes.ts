import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/open';
import { staffRecoveryCodes } from '@/db/schema';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from '@/lib/auth/totp/recovery-codes';

/** A fresh set of recovery codes replaces every earlier one; only their hashes are stored, the codes are shown once. */
export async function replaceRecoveryCodes(tx: DbOrTx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await tx
    .insert(staffRecoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c), createdAt: now })));
  return codes;
}
