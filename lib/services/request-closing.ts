import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { formatEuro } from '@/lib/domain/money';
import { isConversionEditable, type ConversionStatus } from '@/lib/domain/state-machines';
import { ensureConversion, lockFamilyVoucher } from './steps/lock-voucher';
import { notifyProviders } from './steps/notify-providers';

/**
 * Guide §3.1 INVIA RICHIESTA DI CHIUSURA: the selected open PES become `close_requested`,
 * each provider concerned gets one e-mail listing its PES. All or nothing.
 */
export async function requestClosing(db: Db, actor: Actor, input: { voucherId: string; pesIds: string[] }, ctx: { baseUrl?: string; now?: Date } = {}) {
  const now = ctx.now ?? new Date();
  const pesIds = [...new Set(input.pesIds)];
  if (pesIds.length === 0) throw new AppError('invalid_input', 'Seleziona almeno un PES da chiudere.', { pesIds: 'Seleziona almeno un PES da chiudere.' });
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status as ConversionStatus)) {
      throw new AppError('invalid_state', 'La modifica PES è già stata inviata: non è più possibile chiedere la chiusura di altri PES.');
    }
    const changed = await tx
      .update(pes)
      .set({ status: 'close_requested', closeRequestedAt: now, updatedAt: now })
      .where(and(inArray(pes.id, pesIds), eq(pes.voucherId, voucher.id), eq(pes.kind, 'standard'), eq(pes.status, 'active')))
      .returning();
    if (changed.length !== pesIds.length) {
      // Another tab already sent some of them, or an id is not an open PES of this voucher: change nothing.
      throw new AppError('invalid_state', 'Alcuni PES selezionati non sono più aperti o non appartengono a questo buono. Ricarica la pagina e riprova.');
    }
    for (const p of changed) {
      await writeAudit(tx, {
        actor,
        action: 'pes.close_requested',
        entityType: 'voucher',
        entityId: voucher.id,
        before: { pesId: p.id, code: p.code, status: 'active' },
        after: { pesId: p.id, code: p.code, status: 'close_requested' },
        at: now,
      });
    }
    await notifyProviders(tx, {
      pes: changed,
      holderId: actor.userId,
      subject: `Richiesta di chiusura PES — buono ${voucher.number}`,
      intro: (h) =>
        `${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}), titolare del Buono di servizio ${voucher.number}, chiede la chiusura dei seguenti PES per convertire il residuo in servizi emergenza COVID-19:`,
      line: (p, names) => `• PES ${p.code} — ${names} — fascia ${p.band ?? '-'} — ${p.hours} ore — ${formatEuro(p.amountCents)}`,
      outro: 'Accedi al cruscotto del soggetto erogatore per indicare l’importo e le ore effettivamente utilizzati e chiudere i PES.',
      baseUrl: ctx.baseUrl,
    });
    return { conversionId: conversion.id, closed: changed.map((p) => p.code) };
  });
}
