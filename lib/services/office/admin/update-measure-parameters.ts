import 'server-only';
import { now as clockNow } from '@/lib/clock';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { measureParameters } from '@/db/schema';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { previewCoveredRates, type RatePreview } from '@/lib/domain/measure-preview';
import type { MeasureParametersInput } from '@/lib/validation/admin';
import { requireOffice } from './require-office';

const EDITABLE = [
  'opensOn',
  'closesOn',
  'hourlyCapOneChildCents',
  'hourlyCapMultiChildCents',
  'copayBasisPoints',
  'closeTermWorkingDays',
  'validateTermWorkingDays',
  'decisionTermDays',
  'integrationTermDays',
] as const;

/**
 * «Anteprima» computes what the change does to the covered hourly rates and saves nothing; «Salva» writes
 * the new values with one audit event holding before and after. New PES use the new values; PES already
 * entered keep the amount they were saved with, and steps already started keep the due date they started with.
 */
export async function updateMeasureParameters(
  db: Db,
  actor: Actor,
  input: MeasureParametersInput,
  ctx: { now?: Date } = {},
): Promise<{ saved: boolean; preview: RatePreview[] }> {
  requireOffice(actor);
  const now = ctx.now ?? clockNow();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(measureParameters)
      .where(eq(measureParameters.measure, input.measure))
      .for('update');
    if (!before) throw new AppError('not_found', 'La misura non esiste.');
    const after = Object.fromEntries(EDITABLE.map((k) => [k, input[k]])) as Pick<
      typeof before,
      (typeof EDITABLE)[number]
    >;
    const preview = previewCoveredRates(before, after);
    if (input.intent === 'preview') return { saved: false, preview };
    const changed = EDITABLE.filter((k) => before[k] !== after[k]);
    if (changed.length === 0) return { saved: true, preview };
    await tx
      .update(measureParameters)
      .set({ ...after, updatedAt: now })
      .where(eq(measureParameters.measure, input.measure));
    await writeAudit(tx, {
      actor,
      action: 'measure.parameters_updated',
      entityType: 'measure',
      entityId: input.measure,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      at: now,
    });
    return { saved: true, preview };
  });
}
