import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes, pesReminders, providers, users, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { now as clockNow } from '@/lib/clock';
import { isoDate } from '@/lib/domain/dates';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { providerSollecitoMessage } from '@/lib/notifications/messages/term-reminders';

/**
 * «Invia sollecito»: a formal reminder to the provider about one waiting PES, audited on the voucher, at
 * most once a Rome day per PES (pes_reminders' key: two clerks clicking at once send one).
 */
export async function sendPesReminder(
  db: Db,
  actor: Actor,
  input: { pesId: string },
  ctx: { baseUrl?: string; now?: Date } = {},
) {
  if (actor.role !== 'office') throw new AppError('forbidden');
  const now = ctx.now ?? clockNow();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        pes,
        providerName: providers.name,
        providerEmail: providers.email,
        voucherNumber: vouchers.number,
        givenName: users.givenName,
        familyName: users.familyName,
      })
      .from(pes)
      .innerJoin(providers, eq(providers.id, pes.providerId))
      .innerJoin(vouchers, eq(vouchers.id, pes.voucherId))
      .innerJoin(users, eq(users.id, vouchers.holderId))
      .where(and(eq(pes.id, input.pesId), inArray(pes.status, ['close_requested', 'awaiting_validation'])));
    if (!row)
      throw new AppError('invalid_state', 'Il PES non attende più il soggetto erogatore: nessun sollecito inviato.');
    const p = row.pes;
    const step = p.status as 'close_requested' | 'awaiting_validation';
    const dueAt = step === 'close_requested' ? p.closeDueAt : p.validationDueAt;
    if (!dueAt) throw new AppError('invalid_state', 'Il PES non ha una scadenza: nessun sollecito inviato.');
    const email = row.providerEmail.trim();
    if (!email)
      throw new AppError(
        'invalid_state',
        `${row.providerName} non ha un indirizzo e-mail: contatta direttamente il soggetto erogatore.`,
      );
    const inserted = await tx
      .insert(pesReminders)
      .values({ pesId: p.id, day: isoDate(now), sentBy: actor.userId, sentAt: now })
      .onConflictDoNothing()
      .returning({ pesId: pesReminders.pesId });
    if (!inserted.length) throw new AppError('already_reminded');
    await writeAudit(tx, {
      actor,
      action: 'pes.reminder_sent',
      entityType: 'voucher',
      entityId: p.voucherId,
      after: { pesId: p.id, code: p.code, providerId: p.providerId, step, dueAt: dueAt.toISOString() },
      at: now,
    });
    await enqueueEmail(tx, {
      to: email,
      ...providerSollecitoMessage({
        providerName: row.providerName,
        step: {
          code: p.code,
          status: step,
          dueAt,
          voucherNumber: row.voucherNumber,
          familyName: `${row.givenName} ${row.familyName}`,
        },
        ...(ctx.baseUrl ? { href: `${ctx.baseUrl}/erogatore/pes/${p.id}` } : {}),
      }),
    });
    return { code: p.code, voucherId: p.voucherId, providerName: row.providerName };
  });
}
