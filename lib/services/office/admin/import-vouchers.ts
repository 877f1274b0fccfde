import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { AppError } from '@/lib/app-error';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { isoDate } from '@/lib/domain/dates';
import { IMPORT_AUDIT, type ImportOutcome } from '@/lib/import/import-outcome';
import type { ImportError } from '@/lib/import/parse-voucher-row';
import { readVoucherFile } from '@/lib/import/read-voucher-file';
import { FAMILY_ACTIVATION_HOURS, familyActivationMessage } from '@/lib/notifications/messages/account-activation';
import { sendActivation } from '@/lib/services/account/send-activation';
import { checkAgainstDatabase } from './import-vouchers-check';
import { insertImportPlan } from './import-vouchers-insert';

/** The outcome page shows at most this many reasons; the count says how many there were. */
export const MAX_REPORTED_ERRORS = 500;

// Serialises imports: two uploads of one file at once would otherwise both see "not yet present".
const IMPORT_LOCK = 11_2020;

class Rejected extends Error {
  constructor(readonly errors: ImportError[]) {
    super('import rejected');
  }
}

/**
 * Imports assigned vouchers, their children and existing PES from the office's CSV, all or nothing
 * (M9): one transaction; any bad row rolls everything back and the outcome lists every reason.
 * Vouchers already present (same number) are skipped, so the same file imported twice changes nothing.
 */
export async function importVouchers(
  db: Db,
  actor: Actor,
  file: { bytes: Uint8Array; name: string },
  ctx: { baseUrl: string; now?: Date },
): Promise<ImportOutcome> {
  if (actor.role !== 'office') throw new AppError('forbidden');
  const now = ctx.now ?? new Date();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = file.name.slice(0, 200);
  const read = readVoucherFile(file.bytes, isoDate(now));

  let outcome: ImportOutcome;
  if (!read.ok) {
    outcome = {
      status: 'rejected',
      sha256,
      fileName,
      rowCount: read.rowCount,
      fileError: read.fileError,
      errors: read.errors,
      errorCount: read.errors.length,
    };
  } else {
    try {
      outcome = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
        const { lookups, errors } = await checkAgainstDatabase(tx, read.plan);
        if (errors.length > 0) throw new Rejected(errors.sort((a, b) => a.line - b.line));
        const { counts, newAccounts } = await insertImportPlan(tx, read.plan, lookups);
        await sendActivation(tx, newAccounts, {
          baseUrl: ctx.baseUrl,
          now,
          validHours: FAMILY_ACTIVATION_HOURS,
          message: familyActivationMessage,
        });
        const result = {
          status: 'imported' as const,
          sha256,
          fileName,
          rowCount: read.rowCount,
          counts: { ...counts, activationEmails: newAccounts.length },
        };
        await writeAudit(tx, {
          actor,
          action: IMPORT_AUDIT.completed,
          entityType: 'voucher_import',
          entityId: sha256,
          after: result,
          at: now,
        });
        return result;
      });
    } catch (e) {
      if (!(e instanceof Rejected)) throw e;
      outcome = {
        status: 'rejected',
        sha256,
        fileName,
        rowCount: read.rowCount,
        fileError: null,
        errors: e.errors,
        errorCount: e.errors.length,
      };
    }
  }
  if (outcome.status === 'rejected') {
    // Written after the rollback, so the refusal itself is on record; the reasons are capped, the count is not.
    outcome = { ...outcome, errors: outcome.errors.slice(0, MAX_REPORTED_ERRORS) };
    await writeAudit(db, {
      actor,
      action: IMPORT_AUDIT.rejected,
      entityType: 'voucher_import',
      entityId: sha256,
      after: outcome,
      at: now,
    });
  }
  return outcome;
}
