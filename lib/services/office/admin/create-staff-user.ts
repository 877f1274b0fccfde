import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { providers, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { STAFF_ACTIVATION_HOURS, staffActivationMessage } from '@/lib/notifications/messages/staff-activation';
import { sendActivation, unusablePasswordHash } from '@/lib/services/account/send-activation';
import { requireOffice } from './require-office';

const DUPLICATE = 'Esiste già un utente con questo codice fiscale.';

/**
 * A provider clerk (bound to one provider) or an office clerk. The account has no usable password until
 * the person follows the activation link, which reuses the reset-token machinery (single use, hashed).
 */
export async function createStaffUser(
  db: Db,
  actor: Actor,
  input: {
    role: 'provider' | 'office';
    providerId: string | null;
    codiceFiscale: string;
    givenName: string;
    familyName: string;
    email: string;
  },
  ctx: { baseUrl: string; now?: Date },
): Promise<{ userId: string }> {
  requireOffice(actor);
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    let providerName: string | null = null;
    if (input.role === 'provider') {
      const [p] = await tx.select({ name: providers.name }).from(providers).where(eq(providers.id, input.providerId!));
      if (!p)
        throw new AppError('invalid_input', 'Il soggetto erogatore scelto non esiste.', {
          providerId: 'Scegli un soggetto erogatore dall’elenco.',
        });
      providerName = p.name;
    }
    const [created] = await tx
      .insert(users)
      .values({
        codiceFiscale: input.codiceFiscale,
        givenName: input.givenName,
        familyName: input.familyName,
        email: input.email,
        role: input.role,
        providerId: input.providerId,
        passwordHash: unusablePasswordHash(),
        createdAt: now,
      })
      .onConflictDoNothing({ target: users.codiceFiscale })
      .returning({ id: users.id });
    if (!created) throw new AppError('invalid_input', DUPLICATE, { codiceFiscale: DUPLICATE });

    await sendActivation(tx, [{ id: created.id, ...input }], {
      baseUrl: ctx.baseUrl,
      now,
      validHours: STAFF_ACTIVATION_HOURS,
      message: staffActivationMessage({ role: input.role, providerName, createdBy: 'office' }),
    });
    await writeAudit(tx, {
      actor,
      action: 'user.created',
      entityType: 'user',
      entityId: created.id,
      after: {
        role: input.role,
        providerId: input.providerId,
        codiceFiscale: input.codiceFiscale,
        givenName: input.givenName,
        familyName: input.familyName,
        email: input.email,
      },
      at: now,
    });
    return { userId: created.id };
  });
}
