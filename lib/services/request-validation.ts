import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { children, pes, pesChildren, providers, users } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { formatEuro } from '@/lib/domain/money';
import { isConversionEditable, type ConversionStatus } from '@/lib/domain/state-machines';
import { enqueueEmail } from '@/lib/notifications/enqueue';
import { ensureConversion, lockFamilyVoucher } from './steps/lock-voucher';
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
    const [holder] = await tx.select().from(users).where(eq(users.id, actor.userId));
    const kids = await tx
      .select({ pesId: pesChildren.pesId, name: children.givenName, family: children.familyName })
      .from(pesChildren)
      .innerJoin(children, eq(children.id, pesChildren.childId))
      .where(inArray(pesChildren.pesId, sent.map((p) => p.id)));
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
    const provs = await tx.select().from(providers).where(inArray(providers.id, [...new Set(sent.map((p) => p.providerId))]));
    for (const provider of provs) {
      const mine = sent.filter((p) => p.providerId === provider.id);
      await enqueueEmail(tx, {
        to: provider.email,
        subject: `Richiesta di validazione di un nuovo PES — buono ${voucher.number}`,
        paragraphs: [
          `Spettabile ${provider.name},`,
          `${holder!.givenName} ${holder!.familyName} (codice fiscale ${holder!.codiceFiscale}) ha inoltrato una richiesta di validazione di nuovi PES sui ${[...new Set(mine.map((p) => KIND_LABEL[p.kind]))].join(' e ')}:`,
          ...mine.map((p) => `• PES ${p.code} — ${kids.filter((k) => k.pesId === p.id).map((k) => `${k.name} ${k.family}`).join(', ')} — ${p.hours} ore — ${formatEuro(p.amountCents)}`),
          'Accedi al cruscotto del soggetto erogatore per validare o rifiutare i PES.',
        ],
        ...(ctx.baseUrl ? { link: { href: `${ctx.baseUrl}/erogatore`, label: 'Apri il cruscotto' } } : {}),
      });
    }
    await syncConversionStatus(tx, conversion.id, now);
    return { sent: sent.map((p) => p.code) };
  });
}
