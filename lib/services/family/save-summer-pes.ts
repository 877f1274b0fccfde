import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pes, pesChildren, vouchers } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { fieldRefusal, refusal } from '@/lib/i18n/refusal';
import { writeAudit, type AuditFields } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { isConversionEditable } from '@/lib/domain/state-machines';
import { checkSummerRows, type SummerRow } from '@/lib/domain/summer';
import { ensureConversion, lockFamilyVoucher } from '@/lib/services/transitions/lock-voucher';
import { syncConversionStatus } from '@/lib/services/transitions/sync-conversion-status';
import { nextPesCode } from '@/db/queries/voucher-money';
import { summerContext } from '@/db/queries/summer-context';

export type SummerPageRow = SummerRow & { id?: string };
export type SummerPageInput = { voucherId: string; pes: SummerPageRow[]; removed?: string[] };

/**
 * conferma i dati e prosegui (guide §3.3): the page's summer PES, saved all at once or not at all, under
 * the voucher lock every spending of its money takes (M2). Rows with an id update that PES (back to
 * draft when anything changed: the provider validates what it will deliver); rows without one are new;
 * `removed` PES were cancelled (Cancella questo P.E.S.) and become deleted. A PES saved meanwhile from
 * another tab is neither on the page nor removed: it stays, and its money counts against this page.
 */
export async function saveSummerPes(db: Db, actor: Actor, input: SummerPageInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const voucher = await lockFamilyVoucher(tx, actor.userId, input.voucherId);
    const conversion = await ensureConversion(tx, voucher.id);
    if (!isConversionEditable(conversion.status)) throw refusal('invalid_state', 'summerNotEditable');
    const ctx = await summerContext(tx, voucher.id, now);
    if (!ctx.open) throw refusal('measure_closed', 'summerMeasureClosed');

    const existing = new Map(ctx.summerPes.map((p) => [p.id, p]));
    const ids = input.pes.map((r) => r.id).filter((id): id is string => Boolean(id));
    const removed = [...new Set(input.removed ?? [])];
    const named = [...ids, ...removed];
    if (named.some((id) => !existing.has(id)) || new Set(named).size !== named.length)
      throw refusal('not_found', 'summerPesGone');

    const base = ctx.residualWithout(new Set(named));
    const check = checkSummerRows(input.pes, {
      children: ctx.children,
      providers: ctx.providers,
      startDate: ctx.startDate,
      residualCents: base,
    });
    if (Object.keys(check.issues).length) {
      throw check.overdraw
        ? refusal('insufficient_residual', 'summerOverdraw', { residualCents: base }, check.issues)
        : fieldRefusal('invalid_input', check.issues);
    }

    const audit = (e: AuditFields<'pes.created' | 'pes.updated' | 'pes.deleted'>) =>
      writeAudit(tx, { ...e, actor, entityId: voucher.id, at: now });
    const codes: string[] = [];
    for (const id of removed) {
      const old = existing.get(id)!;
      const [row] = await tx
        .update(pes)
        .set({ status: 'deleted', updatedAt: now })
        .where(and(eq(pes.id, old.id), eq(pes.status, old.status)))
        .returning({ id: pes.id });
      if (!row) throw new AppError('conflict');
      await audit({
        action: 'pes.deleted',
        entityType: 'voucher',
        after: { pesId: old.id, code: old.code, status: 'deleted', amountCents: old.amountCents },
        before: { status: old.status },
      });
    }
    for (const r of input.pes) {
      const values = { providerId: r.providerId, band: r.band, hours: r.hours, amountCents: r.amountCents };
      const old = r.id ? existing.get(r.id)! : null;
      if (old) {
        const same =
          old.providerId === r.providerId &&
          old.band === r.band &&
          old.hours === r.hours &&
          old.amountCents === r.amountCents &&
          old.childId === r.childId;
        codes.push(old.code);
        // A rejected PES kept on the page is proposed again (it counts against the residual here too).
        if (same && old.status !== 'rejected') continue;
        const [row] = await tx
          .update(pes)
          .set({
            ...values,
            status: 'draft',
            rejectionReason: null,
            validationRequestedAt: null,
            decidedAt: null,
            updatedAt: now,
          })
          .where(and(eq(pes.id, old.id), eq(pes.status, old.status)))
          .returning({ id: pes.id });
        if (!row) throw new AppError('conflict');
        if (old.childId !== r.childId) {
          await tx.delete(pesChildren).where(eq(pesChildren.pesId, old.id));
          await tx.insert(pesChildren).values({ pesId: old.id, childId: r.childId });
        }
        await audit({
          action: 'pes.updated',
          entityType: 'voucher',
          after: { pesId: old.id, code: old.code, kind: 'summer_covid', status: 'draft', ...values },
          before: { status: old.status, band: old.band, hours: old.hours, amountCents: old.amountCents },
        });
      } else {
        const code = await nextPesCode(tx, voucher.id, voucher.number);
        const [row] = await tx
          .insert(pes)
          .values({
            ...values,
            code,
            voucherId: voucher.id,
            conversionId: conversion.id,
            kind: 'summer_covid',
            status: 'draft',
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: pes.id });
        await tx.insert(pesChildren).values({ pesId: row!.id, childId: r.childId });
        await audit({
          action: 'pes.created',
          entityType: 'voucher',
          after: { pesId: row!.id, code, kind: 'summer_covid', status: 'draft', ...values },
        });
        codes.push(code);
      }
    }
    await syncConversionStatus(tx, conversion.id, now);
    return { codes, residualAfterCents: check.leftCents as number };
  });
}

/** Aggiorna: the same checks, read-only, so the family sees the server's residual and errors without saving. */
export async function previewSummerPes(db: Db, actor: Actor, input: SummerPageInput, now = new Date()) {
  const [voucher] = await db
    .select({ id: vouchers.id })
    .from(vouchers)
    .where(and(eq(vouchers.id, input.voucherId), eq(vouchers.holderId, actor.userId)));
  if (!voucher) throw new AppError('not_found');
  const ctx = await summerContext(db, voucher.id, now);
  const named = new Set(
    [...input.pes.map((r) => r.id), ...(input.removed ?? [])].filter(
      (id): id is string => Boolean(id) && ctx.summerPes.some((p) => p.id === id),
    ),
  );
  const check = checkSummerRows(input.pes, {
    children: ctx.children,
    providers: ctx.providers,
    startDate: ctx.startDate,
    residualCents: ctx.residualWithout(named),
  });
  return { residualAfterCents: check.leftCents as number, issues: check.issues };
}
