import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { formatEuro } from '@/lib/domain/money';
import { isConversionEditable, type ConversionStatus } from '@/lib/domain/state-machines';
import { ensureConversion, lockFamilyVoucher } from './steps/lock-voucher';
import { notifyProviders } from './steps/notify-providers';
import { syncConversionStatus } from './steps/sync-conversion-status';

const KIND_LABEL: Record<string, string> = {
  babysitting_covid: 'servizi domiciliari babysitting emergenza COVID-19',
  summer_covid: 'servizi estivi emergenza COVID-19',
};

/** RICHIEDI VALIDAZIONE AL SOGGETTO EROGATORE: every draft new PES goes to its provider, who is e-mailed. */
export async function requestValidation(db: Db, actor: Actor, input: { voucherId: string }, ctx: { baseUrl?: string; now?: Date } = {}) {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status as ConversionStatus)) throw new AppError('invalid_state', 'La modifica PES è già stata inviata.');
    const sent = await tx
      .update(pes)
      .set({ status: 'awaiting_validation', validationRequestedAt: now, updatedAt: now })
      .where(and(eq(pes.conversionId, conversion.id), eq(pes.status, 'draft')))
      .returning();
    if (sent.length === 0) throw new AppError('invalid_state', 'Non ci sono nuovi PES in bozza da inviare al soggetto erogatore.');
    for (const p of sent) {
      await writeAudit(tx, {
        actor,
        action: 'pes.validation_requested',
        entityType: 'voucher',
        entityId: voucher.id,
        before: { pesId: p.id, code: p.code, status: 'draft' },
        after: { pesId: p.id, code: p.code, status: 'awaiting_validation' },
        at: now,
      });
    }
    await notifyProviders(tx, {
      pes: sent,
      holderId: actor.userId,
      subject: `Richiesta di validazione di un nuovo PES — buono ${voucher.number}`,
      intro: (h, mine) =>
        `${h.givenName} ${h.familyName} (codice fiscale ${h.codiceFiscale}) ha inoltrato una richiesta di validazione di nuovi PES sui ${[...new Set(mine.map((p) => KIND_LABEL[p.kind]))].join(' e ')}:`,
      line: (p, names) => `• PES ${p.code} — ${names} — ${p.hours} ore — ${formatEuro(p.amountCents)}`,
      outro: 'Accedi al cruscotto del soggetto erogatore per validare o rifiutare i PES.',
      baseUrl: ctx.baseUrl,
    });
    await syncConversionStatus(tx, conversion.id, now);
    return { sent: sent.map((p) => p.code) };
  });
}
