import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { providers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { isoDate } from '@/lib/domain/dates';
import type { ProviderInput } from '@/lib/validation/admin';
import { providerSnapshot, writeMemberships } from './provider-memberships';
import { requireOffice } from './require-office';

const DUPLICATE_TAX_CODE = 'Esiste già un soggetto erogatore con questo codice fiscale / partita IVA.';

/** Creates a provider (code PRVn, next free number) or updates one; one audit event with before and after. */
export async function saveProvider(
  db: Db,
  actor: Actor,
  input: ProviderInput,
  ctx: { now?: Date } = {},
): Promise<{ providerId: string }> {
  requireOffice(actor);
  const now = ctx.now ?? new Date();
  const today = isoDate(now);
  return db.transaction(async (tx) => {
    const [before] = input.providerId
      ? await tx.select().from(providers).where(eq(providers.id, input.providerId)).for('update')
      : [];
    if (input.providerId && !before) throw new AppError('not_found', 'Il soggetto erogatore non esiste.');
    const [dup] = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(
        and(eq(providers.taxCode, input.taxCode), input.providerId ? ne(providers.id, input.providerId) : sql`true`),
      );
    if (dup) throw new AppError('invalid_input', DUPLICATE_TAX_CODE, { taxCode: DUPLICATE_TAX_CODE });

    const fields = { name: input.name, taxCode: input.taxCode, email: input.email };
    if (!before) {
      const [max] = await tx
        .select({ n: sql<number>`coalesce(max(substring(${providers.code} from 4)::int), 0)` })
        .from(providers)
        .where(sql`${providers.code} ~ '^PRV[0-9]+$'`);
      // A concurrent creation that picked the same code fails on the unique index and is answered as a conflict.
      const [created] = await tx
        .insert(providers)
        .values({ ...fields, code: `PRV${Number(max?.n ?? 0) + 1}` })
        .onConflictDoNothing()
        .returning();
      if (!created) throw new AppError('conflict');
      await writeMemberships(tx, created.id, input, { bands: [], measures: [] }, today);
      await writeAudit(tx, {
        actor,
        action: 'provider.created',
        entityType: 'provider',
        entityId: created.id,
        after: { ...fields, code: created.code, ...(await providerSnapshot(tx, created.id)) },
        at: now,
      });
      return { providerId: created.id };
    }

    const beforeSnapshot = await providerSnapshot(tx, before.id);
    await tx.update(providers).set(fields).where(eq(providers.id, before.id));
    await writeMemberships(tx, before.id, input, beforeSnapshot, today);
    await writeAudit(tx, {
      actor,
      action: 'provider.updated',
      entityType: 'provider',
      entityId: before.id,
      before: { name: before.name, taxCode: before.taxCode, email: before.email, ...beforeSnapshot },
      after: { ...fields, ...(await providerSnapshot(tx, before.id)) },
      at: now,
    });
    return { providerId: before.id };
  });
}
