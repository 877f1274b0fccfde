import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { identityProfiles, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import type { AdoptIdentityContactInput } from '@/lib/validation/identity-contact';

const LABEL = { email: 'L’indirizzo e-mail', mobile: 'Il numero di cellulare' } as const;

/**
 * The family makes the e-mail or mobile number its identity provider gave (at the last SPID/CIE sign-in) the
 * one used for notifications and the OTP. Only that value, only if it is still what the page showed; audited.
 */
export async function adoptIdentityContact(
  db: Db,
  actor: Actor,
  input: AdoptIdentityContactInput,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ identity: identityProfiles, email: users.email, mobile: users.mobile })
      .from(users)
      .leftJoin(identityProfiles, eq(identityProfiles.userId, users.id))
      .where(and(eq(users.id, actor.userId), eq(users.role, 'family')));
    if (!row) throw new AppError('not_found');
    const offered = row.identity?.[input.field] ?? null;
    if (offered === null || offered !== input.value)
      throw new AppError(
        'invalid_state',
        `${LABEL[input.field]} indicato dall’identità digitale non è più questo: ricarica la pagina e riprova.`,
      );
    const current = row[input.field];
    if (current === offered) return { changed: false };
    const column = input.field === 'email' ? users.email : users.mobile;
    // Compare-and-set: a concurrent change (another tab, the office) makes this one a conflict, not a silent overwrite.
    const updated = await tx
      .update(users)
      .set({ [input.field]: offered })
      .where(and(eq(users.id, actor.userId), current === null ? isNull(column) : eq(column, current)))
      .returning({ id: users.id });
    if (updated.length !== 1) throw new AppError('conflict');
    await writeAudit(tx, {
      actor,
      action: 'user.contact_confirmed',
      entityType: 'user',
      entityId: actor.userId,
      before: { field: input.field, value: current },
      after: { field: input.field, value: offered, source: 'identity_provider' },
    });
    return { changed: true };
  });
}
