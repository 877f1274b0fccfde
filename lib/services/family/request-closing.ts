import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes } from '@/db/schema';
import { termCalendar, termsOf } from '@/db/queries/term-calendar';
import { AppError } from '@/lib/app-error';
import type { Actor } from '@/lib/auth/actor';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { strictestDueAt } from '@/lib/domain/terms';
import { closeRequestMessage } from '@/lib/notifications/messages/provider-pes-request';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';
import { movePes } from '@/lib/services/transitions/move-pes';

/**
 * Guide §3.1 INVIA RICHIESTA DI CHIUSURA: the selected open PES become `close_requested`,
 * each provider concerned gets one e-mail listing its PES. All or nothing.
 */
export async function requestClosing(
  db: Db,
  actor: Actor,
  input: { voucherId: string; pesIds: string[] },
  ctx: { baseUrl?: string; now?: Date } = {},
) {
  const now = ctx.now ?? clockNow();
  const pesIds = [...new Set(input.pesIds)];
  if (pesIds.length === 0)
    throw new AppError('invalid_input', 'Seleziona almeno un PES da chiudere.', {
      pesIds: 'Seleziona almeno un PES da chiudere.',
    });
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status)) {
      throw new AppError(
        'invalid_state',
        'La modifica PES è già stata inviata: non è più possibile chiedere la chiusura di altri PES.',
      );
    }
    // The family has not chosen its new services yet: the closing runs on the strictest measure's term.
    const calendar = await termCalendar(tx);
    const closeDueAt = strictestDueAt('providerClose', now, termsOf(calendar, []), calendar.localFeasts);
    const changed = await movePes(tx, {
      actor,
      voucher,
      where: and(inArray(pes.id, pesIds), eq(pes.kind, 'standard')),
      from: 'active',
      to: 'close_requested',
      stamp: { closeRequestedAt: now, closeDueAt },
      auditAction: 'pes.close_requested',
      check: (moved) => {
        // Another tab already sent some of them, or an id is not an open PES of this voucher: change nothing.
        if (moved.length !== pesIds.length) {
          throw new AppError(
            'invalid_state',
            'Alcuni PES selezionati non sono più aperti o non appartengono a questo buono. Ricarica la pagina e riprova.',
          );
        }
      },
      message: closeRequestMessage,
      now,
      baseUrl: ctx.baseUrl,
    });
    return { conversionId: conversion.id, closed: changed.map((p) => p.code) };
  });
}
