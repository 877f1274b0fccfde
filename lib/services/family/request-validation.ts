import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { documents, pes } from '@/db/schema';
import { termCalendar, termsOf } from '@/db/queries/term-calendar';
import type { Locale } from '@/lib/domain/locale';
import { refusal } from '@/lib/i18n/refusal';
import type { Actor } from '@/lib/auth/actor';
import type { NewPesKind } from '@/lib/domain/pes-kinds';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { strictestDueAt } from '@/lib/domain/terms';
import { validationRequestMessage } from '@/lib/notifications/messages/provider-pes-request';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';
import { movePes } from '@/lib/services/transitions/move-pes';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';

/**
 * RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE: every draft new PES (optionally of one kind) goes to its
 * provider, who gets one e-mail listing its PES. A summer PES needs its agreed-PES PDF first (guide §3.3):
 * if one lacks it nothing is sent and the message names the PES that lack it.
 */
export async function requestValidation(
  db: Db,
  actor: Actor,
  input: { voucherId: string; kind?: NewPesKind },
  ctx: { baseUrl?: string; now?: Date; locale?: Locale } = {},
) {
  const now = ctx.now ?? clockNow();
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status)) throw refusal('invalid_state', 'alreadySent');
    const ofKind = input.kind ? eq(pes.kind, input.kind) : undefined;
    const missing = await tx
      .select({ code: pes.code })
      .from(pes)
      .leftJoin(documents, and(eq(documents.pesId, pes.id), isNull(documents.detachedAt)))
      .where(
        and(
          eq(pes.conversionId, conversion.id),
          eq(pes.status, 'draft'),
          eq(pes.kind, 'summer_covid'),
          isNull(documents.id),
          ofKind,
        ),
      )
      .orderBy(pes.code);
    if (missing.length) {
      const codes = missing.map((m) => m.code).join(', ');
      throw refusal(
        'invalid_state',
        'missingDocuments',
        { codes },
        { documents: { key: 'documentCodes', values: { codes } } },
      );
    }
    // Each PES runs on its own measure's validation term.
    const calendar = await termCalendar(tx);
    const due = (m: NewPesKind) =>
      strictestDueAt('providerValidate', now, termsOf(calendar, [m]), calendar.localFeasts);
    const validationDueAt = sql`case when ${pes.kind} = 'summer_covid' then ${due('summer_covid').toISOString()}::timestamptz else ${due('babysitting_covid').toISOString()}::timestamptz end`;
    const sent = await movePes(tx, {
      actor,
      voucher,
      where: and(
        eq(pes.conversionId, conversion.id),
        inArray(pes.kind, input.kind ? [input.kind] : ['babysitting_covid', 'summer_covid']),
      ),
      from: 'draft',
      to: 'awaiting_validation',
      stamp: { validationRequestedAt: now, validationDueAt },
      auditAction: 'pes.validation_requested',
      check: (moved) => {
        if (moved.length === 0) throw refusal('invalid_state', 'noDrafts');
      },
      message: validationRequestMessage,
      now,
      baseUrl: ctx.baseUrl,
    });
    await syncConversionStatus(tx, conversion.id, now);
    return { sent: sent.map((p) => p.code) };
  });
}
