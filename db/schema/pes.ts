import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PES_KINDS } from '@/lib/domain/pes-kinds';
import { PES_STATUSES } from '@/lib/domain/state-machines';
import { conversions } from './conversions';
import { providers } from './providers';
import { children, vouchers } from './vouchers';

export const pes = pgTable(
  'pes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    voucherId: uuid('voucher_id')
      .notNull()
      .references(() => vouchers.id),
    // Set only on the new COVID PES created by the conversion.
    conversionId: uuid('conversion_id').references(() => conversions.id),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id),
    kind: text('kind', { enum: PES_KINDS }).notNull(),
    band: text('band'),
    hours: integer('hours').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    usedCents: bigint('used_cents', { mode: 'number' }),
    hoursUsed: integer('hours_used'),
    hourlyRateCents: bigint('hourly_rate_cents', { mode: 'number' }),
    status: text('status', { enum: PES_STATUSES }).notNull(),
    rejectionReason: text('rejection_reason'),
    closeRequestedAt: timestamp('close_requested_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    validationRequestedAt: timestamp('validation_requested_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // Stored when the step starts (issue 19): a later change of the measure's terms does not move them.
    closeDueAt: timestamp('close_due_at', { withTimezone: true }),
    validationDueAt: timestamp('validation_due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('pes_amount_check', sql`${t.amountCents} >= 0`),
    check(
      'pes_used_check',
      sql`${t.usedCents} is null or (${t.usedCents} >= 0 and ${t.usedCents} <= ${t.amountCents})`,
    ),
    check('pes_hours_check', sql`${t.hours} >= 0`),
    check(
      'pes_hours_used_check',
      sql`${t.hoursUsed} is null or (${t.hoursUsed} >= 0 and ${t.hoursUsed} <= ${t.hours})`,
    ),
    check('pes_kind_check', sql`${t.kind} in ('standard', 'babysitting_covid', 'summer_covid')`),
    check('pes_band_check', sql`${t.band} is null or ${t.band} in ('A', 'B', 'C')`),
    check(
      'pes_status_check',
      sql`${t.status} in ('active', 'close_requested', 'closed', 'draft', 'awaiting_validation', 'validated', 'rejected', 'deleted', 'cancelled')`,
    ),
    check('pes_new_has_conversion_check', sql`(${t.kind} = 'standard') = (${t.conversionId} is null)`),
    check('pes_closed_has_used_check', sql`${t.status} <> 'closed' or ${t.usedCents} is not null`),
    index('pes_voucher_idx').on(t.voucherId),
    index('pes_conversion_idx').on(t.conversionId),
    index('pes_provider_status_idx').on(t.providerId, t.status, t.closeRequestedAt),
    // The provider dashboard (issue 12, P3 at 100 000 PES for one provider): "Tutti i PES" newest change
    // first, the validation queue oldest request first, and the search by a prefix of the PES code.
    index('pes_provider_updated_idx').on(t.providerId, t.updatedAt.desc().nullsFirst(), t.code),
    index('pes_provider_validation_idx').on(t.providerId, t.status, t.validationRequestedAt),
    index('pes_code_prefix_idx').on(t.code.op('text_pattern_ops')),
    // The provider dashboard's queues by due date, and the reminders' scan of what is due or overdue.
    index('pes_provider_close_due_idx').on(t.providerId, t.status, t.closeDueAt),
    index('pes_provider_validation_due_idx').on(t.providerId, t.status, t.validationDueAt),
    index('pes_close_due_idx')
      .on(t.closeDueAt)
      .where(sql`${t.status} = 'close_requested'`),
    index('pes_validation_due_idx')
      .on(t.validationDueAt)
      .where(sql`${t.status} = 'awaiting_validation'`),
    // The office queue's provider filter: which conversions name this provider.
    index('pes_provider_conversion_idx')
      .on(t.providerId, t.conversionId)
      .where(sql`${t.conversionId} is not null`),
    // The office queue's measure filter (issue 20, P3): a conversion's live new PES of one kind, read
    // index-only and in conversion order, so "estivi" and "entrambi" merge with conversions_signed_id_idx.
    index('pes_conversion_kind_idx')
      .on(t.kind, t.conversionId)
      .where(sql`${t.conversionId} is not null and ${t.status} <> 'deleted'`),
  ],
);

export const pesChildren = pgTable(
  'pes_children',
  {
    pesId: uuid('pes_id')
      .notNull()
      .references(() => pes.id, { onDelete: 'cascade' }),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
  },
  (t) => [primaryKey({ columns: [t.pesId, t.childId] }), index('pes_children_child_idx').on(t.childId)],
);
