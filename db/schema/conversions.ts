import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CONVERSION_STATUSES } from '@/lib/domain/state-machines';
import { users } from './users';
import { vouchers } from './vouchers';

/** What proves who signed what: stored on the conversion (latest) and on each conversion_submissions row. */
export type SignatureEvidence = {
  signedAt: string;
  maskedMobile: string;
  otpId: string;
  dossierSha256: string;
  ip?: string | null;
  userAgent?: string | null;
};

/**
 * The one-time "modifica PES" of a voucher (guide §3 NOTA: "una sola volta"): one conversion per voucher
 * that is not rejected. After Respingi the freed money is back in the residual and the family may present
 * a new request; the rejected one stays, with its protocol number and history (issue 15, finding 9).
 */
export const conversions = pgTable(
  'conversions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    voucherId: uuid('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    status: text('status', { enum: CONVERSION_STATUSES }).notNull().default('draft'),
    employmentCondition: text('employment_condition'),
    declarations: jsonb('declarations').$type<Record<string, boolean>>(),
    employerConfirmedAt: timestamp('employer_confirmed_at', { withTimezone: true }),
    protocolNumber: text('protocol_number').unique(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    signature: jsonb('signature').$type<SignatureEvidence>(),
    otpFailedTotal: integer('otp_failed_total').notNull().default(0),
    otpLocked: text('otp_locked'),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // Presa in carico (issue 19): the office clerk following the case, if any. Any clerk may still decide.
    assignedTo: uuid('assigned_to').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    // The office's term (issue 19, Law 241/1990): fixed at the first submission, suspended while the family
    // is asked to integrate (decision_due_at null, suspended_at set), resumed on resubmission with the days
    // already used kept.
    decisionTermDays: integer('decision_term_days'),
    decisionDaysUsed: integer('decision_days_used').notNull().default(0),
    decisionDueAt: timestamp('decision_due_at', { withTimezone: true }),
    decisionSuspendedAt: timestamp('decision_suspended_at', { withTimezone: true }),
    integrationDueAt: timestamp('integration_due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'conversions_status_check',
      sql`${t.status} in ('draft', 'awaiting_validation', 'ready_to_submit', 'submitted', 'approved', 'rejected', 'returned')`,
    ),
    check('conversions_otp_failed_check', sql`${t.otpFailedTotal} >= 0`),
    // Concurrent starts create one conversion (M3): ensureConversion's ON CONFLICT names this index.
    uniqueIndex('conversions_voucher_active_unique')
      .on(t.voucherId)
      .where(sql`${t.status} <> 'rejected'`),
    // A voucher's rejected requests too (family page, office file).
    index('conversions_voucher_idx').on(t.voucherId, t.createdAt),
    // The office queue walks these in keyset order (submitted_at, id): oldest submitted first.
    index('conversions_status_submitted_idx')
      .on(t.status, t.submittedAt, t.id)
      .where(sql`${t.submittedAt} is not null`),
    index('conversions_submitted_idx')
      .on(t.submittedAt, t.id)
      .where(sql`${t.submittedAt} is not null`),
    // Signed conversions in id order with their status (issue 20, P3): the capped count of a measure filter
    // merges them with pes_conversion_kind_idx, index-only, instead of scanning every conversion.
    index('conversions_signed_id_idx')
      .on(t.id, t.status)
      .where(sql`${t.submittedAt} is not null`),
    // The queue's "assegnate a me" filter.
    index('conversions_assigned_idx')
      .on(t.assignedTo, t.submittedAt, t.id)
      .where(sql`${t.assignedTo} is not null`),
    // The office queue by term, "in scadenza" and "scaduti", and the family's "term passed" message.
    index('conversions_decision_due_idx')
      .on(t.decisionDueAt, t.id)
      .where(sql`${t.status} = 'submitted'`),
    // Prefix search (LIKE 'MPES-2026-0%') whatever the database collation.
    index('conversions_protocol_prefix_idx').on(t.protocolNumber.op('text_pattern_ops')),
  ],
);
